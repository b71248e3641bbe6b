import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { envOrExit } from './bootstrap/env-or-exit';
import { AccountsRepository } from './identity/accounts.repository';
import { CliModule } from './cli.module';
import { runMigrations } from './database/migrate';
import { DemoSeeder } from './demo/demo-seeder.service';
import { AuthService } from './identity/auth.service';
import { PasswordHasher } from './identity/password-hasher';

const USAGE = `Usage: node dist/cli.js <command>
  migrate                       apply pending database migrations
  migrate:revert                revert the last migration
  seed-demo                     seed the demo agency (idempotent)
  create-admin <nip> <password> create or promote an ADMIN account
  rules:eval <cases.json>       evaluate rule cases (golden format) and print [{id, output}]`;

async function withApp<T>(fn: (app: import('@nestjs/common').INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'rules:eval': {
      // Pure: needs no database, Redis or configuration.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runRulesEvalCli } = require('./cli/rules-eval.cli') as {
        runRulesEvalCli: (a: string[]) => number | Promise<number>;
      };
      return runRulesEvalCli(args);
    }
    case 'migrate': {
      const env = envOrExit();
      const applied = await runMigrations(env.DATABASE_URL);
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database schema is up to date.\n');
      return 0;
    }
    case 'migrate:revert': {
      const env = envOrExit();
      await runMigrations(env.DATABASE_URL, 'down');
      process.stdout.write('Reverted the last migration.\n');
      return 0;
    }
    case 'seed-demo': {
      const env = envOrExit();
      await runMigrations(env.DATABASE_URL);
      const result = await withApp(async (app) => {
        await app.get(AuthService).ensureBootstrapAdmin();
        return app.get(DemoSeeder).seed();
      });
      process.stdout.write(`Demo agency: ${result.units} units and ${result.employees} employees added.\n`);
      return 0;
    }
    case 'create-admin': {
      const [nip = '', password = ''] = args;
      if (!/^\d{18}$/.test(nip) || password.length < 10) {
        process.stderr.write('create-admin needs an 18-digit NIP and a password of at least 10 characters\n');
        return 2;
      }
      process.env.BOOTSTRAP_ADMIN_NIP = nip;
      process.env.BOOTSTRAP_ADMIN_PASSWORD = password;
      envOrExit();
      await withApp(async (app) => {
        const hash = await app.get(PasswordHasher).hash(password);
        await app.get(AccountsRepository).upsertAdmin(nip, hash);
      });
      process.stdout.write(`Admin ${nip} is ready.\n`);
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
