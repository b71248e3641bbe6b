import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../common/error-body';
import { AuthGuard } from '../identity/auth.guard';
import { AuthService } from '../identity/auth.service';
import { TooManyAttempts } from '../identity/login-throttle';
import { QueuesService } from './queues.service';

export const BOARD_PATH = '/admin/queues';

/** Bull Board for ADMIN only: a Bearer token, or HTTP Basic with an ADMIN's NIP and password (for browsers). */
export async function registerQueueBoard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(QueuesService);
  const guard = app.get(AuthGuard);
  const auth = app.get(AuthService);
  const board = new BoardAdapter();
  createBullBoard({
    queues: queues.all().map((q) => new BullMQAdapter(q, { readOnlyMode: false })),
    serverAdapter: board,
  });
  board.setBasePath(BOARD_PATH);
  const fastify = app.getHttpAdapter().getInstance();
  // A Basic header that logged in keeps its token; the token is still checked against the account on every request.
  const basicTokens = new Map<string, { token: string; at: number }>();

  await fastify.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
        const header = req.headers.authorization ?? '';
        let bearer = header;
        if (header.startsWith('Basic ')) {
          const cached = basicTokens.get(header);
          if (cached && Date.now() - cached.at < 60_000) bearer = `Bearer ${cached.token}`;
          else {
            basicTokens.delete(header);
            const [nip, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
            try {
              if (!/^\d{18}$/.test(nip)) throw new Error('not a NIP');
              // The same throttled password check as POST /auth/login.
              const { accessToken } = await auth.login(nip, rest.join(':'), req.ip);
              basicTokens.set(header, { token: accessToken, at: Date.now() });
              bearer = `Bearer ${accessToken}`;
            } catch (err) {
              if (err instanceof TooManyAttempts) {
                return reply
                  .status(429)
                  .header('retry-after', String(err.retryAfterSeconds))
                  .send(errorBody(429, err.message, [], req.id, { retryAfterSeconds: err.retryAfterSeconds }));
              }
              bearer = '';
            }
          }
        }
        const p = bearer ? await guard.authenticate({ authorization: bearer }) : null;
        const admin = p?.kind === 'user' && p.role === 'ADMIN';
        if (!admin) {
          void reply.header('www-authenticate', 'Basic realm="skp-engine queues"');
          return reply.status(401).send(errorBody(401, 'Hanya ADMIN / ADMIN only', [], req.id));
        }
      });
      await scope.register(board.registerPlugin() as never);
    },
    { prefix: BOARD_PATH },
  );
}
