import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../common/error-body';
import { AuthGuard } from '../identity/auth.guard';
import { AuthService } from '../identity/auth.service';
import { QueuesService } from './queues.service';

export const BOARD_PATH = '/admin/queues';

/** Bull Board for ADMIN only: a Bearer token, or HTTP Basic with an ADMIN's NIP and password (for browsers). */
export async function registerQueueBoard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(QueuesService);
  const guard = app.get(AuthGuard);
  const auth = app.get(AuthService);
  const board = new BoardAdapter();
  createBullBoard({ queues: queues.all().map((q) => new BullMQAdapter(q, { readOnlyMode: false })), serverAdapter: board });
  board.setBasePath(BOARD_PATH);
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const basicOk = new Map<string, number>();

  await fastify.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
        const header = req.headers.authorization ?? '';
        let admin = false;
        if (header.startsWith('Basic ')) {
          const cached = basicOk.get(header);
          if (cached && Date.now() - cached < 60_000) admin = true;
          else {
            const [nip, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
            try {
              const { accessToken } = await auth.login(nip, rest.join(':'));
              const p = await guard.authenticate({ authorization: `Bearer ${accessToken}` });
              admin = p?.kind === 'user' && p.role === 'ADMIN';
              if (admin) basicOk.set(header, Date.now());
            } catch {
              admin = false;
            }
          }
        } else {
          const p = await guard.authenticate(req.headers as Record<string, string | undefined>);
          admin = p?.kind === 'user' && p.role === 'ADMIN';
        }
        if (!admin) {
          void reply.header('www-authenticate', 'Basic realm="skp-engine queues"');
          return reply.status(401).send(errorBody(401, 'Hanya ADMIN / ADMIN only', [], String(req.id)));
        }
      });
      await scope.register(board.registerPlugin() as never);
    },
    { prefix: BOARD_PATH },
  );
}
