import { parseArgs } from 'node:util';

// `npm run ruche -- <command>`: admin tasks and batch analysis, from the same code as the server.
const [command, sub, ...rest] = process.argv.slice(2);

const usage = `usage:
  ruche admin create --email E --name N --password P [--workspace W]   create an owner account
  ruche admin reset-password --email E [--password P]                  set a new password and sign the account out
                                                                       everywhere (asks for it, or makes one up)
  ruche analyze < comments.jsonl > analysed.jsonl                       analyse texts (JSON lines)`;

async function main(): Promise<number> {
  if (command === 'analyze') {
    const { runAnalyze } = await import('./analyze.js');
    await runAnalyze(process.stdin, process.stdout);
    return 0;
  }
  if (command === 'admin' && sub === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, workspace: { type: 'string' } },
    });
    const { adminCreate } = await import('./admin.js');
    return adminCreate(values);
  }
  if (command === 'admin' && sub === 'reset-password') {
    const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' } } });
    const { adminResetPassword } = await import('./admin.js');
    const { processTerminal } = await import('./terminal.js');
    return adminResetPassword(values, processTerminal);
  }
  console.error(usage);
  return 2;
}

process.exitCode = await main();
