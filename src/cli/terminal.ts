import type { Terminal } from './admin.js';

/** The process's own terminal: asks without echoing what is typed (a password). */
export const processTerminal: Terminal = {
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  askHidden(question) {
    const input = process.stdin;
    process.stdout.write(question);
    return new Promise((resolve, reject) => {
      let typed = '';
      const done = (fn: () => void) => {
        input.off('data', onData);
        input.setRawMode(false);
        input.pause();
        process.stdout.write('\n');
        fn();
      };
      const onData = (chunk: Buffer) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') return done(() => resolve(typed));
          if (ch === '\u0003') return done(() => reject(new Error('Cancelled.')));
          if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
          else if (ch >= ' ') typed += ch;
        }
      };
      input.setRawMode(true);
      input.resume();
      input.on('data', onData);
    });
  },
};
