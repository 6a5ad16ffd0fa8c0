/** Expands `${VAR}` and `${VAR:-default}` in config text from the given environment. */
export type Env = Readonly<Record<string, string | undefined>>;

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export class MissingVariableError extends Error {
  constructor(readonly variable: string) {
    super(
      `environment variable ${variable} is not set and has no default (write \${${variable}:-default})`,
    );
  }
}

export function expandEnv(text: string, env: Env): string {
  return text.replace(REFERENCE, (_match, name: string, fallback: string | undefined) => {
    const value = env[name];
    if (value !== undefined && value !== "") return value;
    if (fallback !== undefined) return fallback;
    throw new MissingVariableError(name);
  });
}
