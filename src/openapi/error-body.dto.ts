import { ApiProperty } from '@nestjs/swagger';

/** One problem with one input field (contract 00-api "Errors"). */
export class ErrorDetailDto {
  @ApiProperty({
    example: 'items[0].target',
    description: 'path of the offending field (body, query or path parameter)',
  })
  field: string;

  @ApiProperty({ example: 'must be a positive number' })
  problem: string;
}

/** The one error shape every non-2xx response has (contract 00-api "Errors"). */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request', description: 'HTTP reason phrase of statusCode' })
  error: string;

  @ApiProperty({ example: 'Data tidak valid / invalid input', description: 'for people (Bahasa Indonesia / English)' })
  message: string;

  @ApiProperty({ type: [ErrorDetailDto] })
  details: ErrorDetailDto[];

  @ApiProperty({
    example: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    description: 'also in the x-correlation-id response header and every log line of the request',
  })
  correlationId: string;
}
