import type { Params } from 'nestjs-pino';

/** Structured JSON logs; every line of a request carries its correlation id. */
export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      level,
      genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
      customProps: (req) => ({ correlationId: (req as { id?: string }).id }),
      redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'], remove: true },
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
