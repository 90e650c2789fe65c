// Mirrors the server's rule (docs/api.md): at least 8 characters and 3 of the 4 classes. The
// server stays the judge; this only lets people see the rule being met while they type.

export interface PasswordCheck {
  length: boolean;
  lower: boolean;
  upper: boolean;
  digit: boolean;
  symbol: boolean;
  classes: number;
  ok: boolean;
}

export function checkPassword(password: string): PasswordCheck {
  const lower = /\p{Ll}/u.test(password);
  const upper = /\p{Lu}/u.test(password);
  const digit = /\p{Nd}/u.test(password);
  const symbol = /[^\p{L}\p{Nd}\s]/u.test(password);
  const classes = [lower, upper, digit, symbol].filter(Boolean).length;
  const length = [...password].length >= 8;
  return { length, lower, upper, digit, symbol, classes, ok: length && classes >= 3 };
}
