/**
 * Docker's human-readable sizes (go-units): decimal units, Go `%.<p>g` formatting.
 *
 * - `humanSize(n)` is `units.HumanSizeWithPrecision(n, 3)`: what `docker images` and
 *   `docker history` print (`1.98MB`, `524kB`, `6B`, `0B`, `1e+03kB`).
 * - `humanSizeWithPrecision(n, 4)` is `units.HumanSize(n)`: "Sending build context to
 *   Docker daemon  2.048kB".
 */

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'] as const;

export function humanSize(bytes: number): string {
  return humanSizeWithPrecision(bytes, 3);
}

export function humanSizeWithPrecision(bytes: number, precision: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < DECIMAL_UNITS.length - 1) {
    size = size / 1000;
    unit++;
  }
  return formatG(size, precision) + DECIMAL_UNITS[unit];
}

/** Go's `fmt.Sprintf("%.<precision>g", value)` for a finite float64. */
export function formatG(value: number, precision: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
  const negative = value < 0 || Object.is(value, -0);
  const prec = precision === 0 ? 1 : precision;
  const exact = exactDecimal(Math.abs(value));
  const { digits, point } = roundDigits(exact.digits, exact.point, prec);
  // `digits` has no trailing zeros; `point` is the decimal exponent (value = 0.digits × 10^point).
  let eprec = prec;
  if (eprec > digits.length && digits.length >= point) eprec = digits.length;
  const exp = point - 1;
  let body: string;
  if (digits.length > 0 && (exp < -4 || exp >= eprec)) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits[0];
    const sign = exp < 0 ? '-' : '+';
    const abs = Math.abs(exp);
    body = `${mantissa}e${sign}${abs < 10 ? '0' : ''}${abs}`;
  } else {
    body = fixed(digits, point);
  }
  return (negative ? '-' : '') + body;
}

/** Plain notation with exactly the digits given (no trailing zeros after the point). */
function fixed(digits: string, point: number): string {
  if (digits.length === 0) return '0';
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * The exact decimal expansion of a non-negative double: value = 0.DIGITS × 10^point,
 * DIGITS without leading or trailing zeros ('' for zero).
 */
function exactDecimal(value: number): { digits: string; point: number } {
  if (value === 0) return { digits: '', point: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let exponent: number;
  if (biased === 0) exponent = -1074;
  else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  let text: string;
  let point: number;
  if (exponent >= 0) {
    text = (mantissa << BigInt(exponent)).toString();
    point = text.length;
  } else {
    // m / 2^k = m × 5^k / 10^k
    const k = -exponent;
    text = (mantissa * 5n ** BigInt(k)).toString();
    point = text.length - k;
  }
  const lead = text.length - text.replace(/^0+/, '').length;
  text = text.slice(lead);
  point -= lead;
  return { digits: text.replace(/0+$/, ''), point };
}

/** Round to `n` significant digits the way Go's strconv does (ties to even), trimming zeros. */
function roundDigits(digits: string, point: number, n: number): { digits: string; point: number } {
  if (digits.length <= n) return { digits, point };
  const next = digits.charCodeAt(n) - 48;
  const tie = next === 5 && digits.length === n + 1;
  const up = tie ? (digits.charCodeAt(n - 1) - 48) % 2 === 1 : next >= 5;
  let kept = digits.slice(0, n);
  if (up) {
    const bumped = (BigInt(kept) + 1n).toString();
    if (bumped.length > kept.length) {
      kept = bumped.slice(0, n);
      point += 1;
    } else kept = bumped;
  }
  return { digits: kept.replace(/0+$/, ''), point };
}
