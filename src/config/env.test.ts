import { describe, expect, it } from 'vitest';
import { ConfigError, readEnv } from './env.js';
import { envToConfig } from './config.js';

describe('configuration', () => {
  it('works with nothing set: port 8080, ./data, SQLite, every role', () => {
    const config = envToConfig(readEnv({}));
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({ kind: 'sqlite', file: expect.stringMatching(/data[/\\]ruche\.sqlite$/) });
    expect([...config.roles].sort()).toEqual(['api', 'scheduler', 'worker']);
    expect(config.publicUrl).toBe('http://localhost:8080');
  });

  it('switches to PostgreSQL and splits roles', () => {
    const config = envToConfig(readEnv({ DATABASE_URL: 'postgres://u@db:5432/ruche', ROLES: 'worker', PORT: '9000' }));
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/ruche', schema: undefined });
    expect([...config.roles]).toEqual(['worker']);
    expect(config.publicUrl).toBe('http://localhost:9000');
  });

  it('reads TRUST_PROXY as a number of proxies', () => {
    expect(envToConfig(readEnv({})).trustProxy).toBe(0);
    expect(envToConfig(readEnv({ TRUST_PROXY: 'true' })).trustProxy).toBe(1);
    expect(envToConfig(readEnv({ TRUST_PROXY: '2' })).trustProxy).toBe(2);
    expect(() => readEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });

  it('names every bad variable in one message', () => {
    const bad = () => readEnv({ PORT: '99999', DATABASE_URL: 'mysql://x', SECRET_KEY: 'short', ROLES: 'api,chef' });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (err) {
      const msg = (err as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'SECRET_KEY', 'ROLES']) expect(msg).toContain(name);
    }
  });
});
