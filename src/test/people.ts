import { Random, syntheticIdNumber } from '../db/seed/random.js';
import type { TestClient } from './harness.js';

/**
 * Valid, unique people for tests: GB 11643 ID numbers for a chosen birth date and gender, and
 * mobile numbers, from a seeded generator so runs repeat.
 */
export function peopleFactory(seed = 7) {
  const rng = new Random(seed);
  const taken = new Set<string>();
  let phone = 13_800_000_000 + seed * 10_000;
  return {
    idNumber: (birthDate: string, gender: 'male' | 'female' = 'female', address = '620105') =>
      syntheticIdNumber(rng, address, birthDate, gender, taken),
    phone: () => String(++phone),
  };
}

export type People = ReturnType<typeof peopleFactory>;

/** Registers a resident through the API and answers its id (the test fails on anything but 201). */
export async function createResident(
  client: TestClient,
  people: People,
  fields: { name: string; regionCode: string; birthDate?: string; gender?: 'male' | 'female' } & Record<
    string,
    unknown
  >,
): Promise<number> {
  const { birthDate = '1960-05-01', gender = 'female', ...rest } = fields;
  const response = await client.post('/api/residents', {
    idNumber: people.idNumber(birthDate, gender),
    hukou: 'local',
    ...rest,
  });
  if (response.statusCode !== 201)
    throw new Error(`create resident: ${response.statusCode} ${response.body}`);
  return response.json().id;
}
