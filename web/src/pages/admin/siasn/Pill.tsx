import { Text } from '@mantine/core';

/** A label pill, dark text on the colour's lightest shade (Mantine's light badges fall below 4.5:1). */
export function Pill({ color, children }: { color: string; children: string }) {
  return (
    <Text span size="xs" fw={700} c="dark.9" bg={`${color}.1`} px={8} py={2} style={{ borderRadius: 12 }}>
      {children}
    </Text>
  );
}
