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
