/**
 * Age in whole years on a date (both YYYY-MM-DD, Asia/Shanghai calendar): a person is N from
 * their Nth birthday on. Someone born on 29 February has birthdays on 28 February in other
 * years (DOMAIN.md), so turns 80 on 28 February of a common year.
 */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const birthdayDay = bm === 2 && bd === 29 && !leap(y) ? 28 : bd;
  const hadBirthday = m > bm || (m === bm && d >= birthdayDay);
  return y - by - (hadBirthday ? 0 : 1);
}

/**
 * The latest birth date of someone who is at least `age` on `on`: "aged 80 or more" is
 * `birth_date <= latestBirthDateFor(80, today)`. On 28 February of a common year it is the
 * 29th of a leap birth year, since those born then turn a year older that day.
 */
export function latestBirthDateFor(age: number, on: string): string {
  const year = Number(on.slice(0, 4)) - age;
  const monthDay = on.slice(5);
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const pad = String(year).padStart(4, '0');
  if (monthDay === '02-28' && leap(year) && !leap(year + age)) return `${pad}-02-29`;
  if (monthDay === '02-29' && !leap(year)) return `${pad}-02-28`;
  return `${pad}-${monthDay}`;
}
