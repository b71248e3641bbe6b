import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A label pill with AA contrast (darkest text on the colour's lightest shade; Mantine's light badges fall below 4.5:1). */
export function Tag({ color, children, testId }: { color: string; children: ReactNode; testId?: string }) {
  return (
    <Text
      span
      size="xs"
      fw={700}
      tt="uppercase"
      c="dark.9"
      bg={`${color}.1`}
      px={8}
      py={2}
      ml={4}
      style={{ borderRadius: 12 }}
      data-testid={testId}
    >
      {children}
    </Text>
  );
}
