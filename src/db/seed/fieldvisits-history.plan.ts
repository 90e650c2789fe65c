import { addDays, dateInShanghai } from '../../platform/clock.js';
import { DEMO_PROVINCIAL_UNITS, DEMO_SITES, DEMO_TOPICS, PREFECTURE_TOPICS } from './fieldvisits-demo.js';
import { givenName, Random, randomSurname } from './random.js';

/** The plan of the research-visit history (fieldvisits-history.ts writes it): what is filed, when, where. */

export interface HistoryOptions {
  /** How many filings; default 1,000,000. */
  filings?: number;
  /** First and last start date (YYYY-MM-DD); default January 1st five years back to December 31st next year. */
  from?: string;
  to?: string;
  /** The day of generation: visits that ended before it mostly have a result. Default: today (Shanghai). */
  today?: string;
  seed?: number;
  onProgress?: (message: string) => void;
}

export type HistoryPlan = Required<Omit<HistoryOptions, 'onProgress'>>;

export interface HistoryCounts {
  /** Units added (the 12 provincial units and 16 prefectures, when missing). */
  units: number;
  filings: number;
  /** Rows of field_visit_counties: a filing's distinct counties. */
  countyRows: number;
}

/** Who files the generated history: how a later run knows it is there. */
export const HISTORY_FILER = '报备员（历史数据）';

export function planHistory(options: HistoryOptions = {}, clockToday?: string): HistoryPlan {
  const today = options.today ?? clockToday ?? dateInShanghai(new Date());
  const year = Number(today.slice(0, 4));
  const plan = {
    filings: options.filings ?? 1_000_000,
    from: options.from ?? `${year - 5}-01-01`,
    to: options.to ?? `${year + 1}-12-31`,
    today,
    seed: options.seed ?? 530_000,
  };
  if (!Number.isInteger(plan.filings) || plan.filings < 0) throw new Error('filings must be a whole number');
  if (!(plan.from <= plan.to)) throw new Error('from must not be after to');
  return plan;
}

/** A filing unit as the plan knows it: by name, its prefecture (for a 州/市) and its departments. */
export interface HistoryUnit {
  name: string;
  prefecture: string | null;
  departments: string[];
}

/** The demo's units, provincial first, then one per prefecture in code order. */
export function historyUnits(prefectures: { code: string; name: string }[]): HistoryUnit[] {
  return [
    ...DEMO_PROVINCIAL_UNITS.map(([name, departments]) => ({ name, prefecture: null, departments })),
    ...[...prefectures]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((p) => ({ name: p.name, prefecture: p.code, departments: [] })),
  ];
}

export interface PlannedStop {
  countyCode: string;
  site: string | null;
}

export interface PlannedFiling {
  /** Index into the units. */
  unit: number;
  /** Index into the unit's departments. */
  department: number | null;
  leaderName: string;
  leaderLevel: string;
  topic: string;
  startDate: string;
  endDate: string;
  stops: PlannedStop[];
  headcount: number;
  asks: string | null;
  status: 'filed' | 'approved' | 'cancelled' | 'rejected' | 'pending_review' | 'join_suggested';
  createdAt: string;
  result: { findings: string; solved: string | null; at: string } | null;
}

// Spring Festival and the summer holidays are quiet; spring and autumn busy.
const MONTH_WEIGHTS = [0.6, 0.5, 1.1, 1.2, 1.2, 1.1, 0.9, 0.8, 1.1, 1.0, 1.2, 1.0];
const STATUSES: [PlannedFiling['status'], number][] = [
  ['filed', 0.62],
  ['approved', 0.24],
  ['cancelled', 0.06],
  ['pending_review', 0.05],
  ['rejected', 0.02],
  ['join_suggested', 0.01],
];

/** Picks by binary search over cumulative weights: a million picks among thousands of days. */
class Cumulative<T> {
  private readonly sums: number[] = [];
  constructor(
    private readonly items: T[],
    weight: (item: T) => number,
  ) {
    let total = 0;
    for (const item of items) {
      total += weight(item);
      this.sums.push(total);
    }
  }
  pick(rng: Random): T {
    const r = rng.next() * (this.sums[this.sums.length - 1] ?? 0);
    let lo = 0;
    let hi = this.sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sums[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/** Mostly small groups; 7% above the line of 10. */
function headcount(rng: Random): number {
  const r = rng.next();
  return r < 0.45 ? rng.int(2, 5) : r < 0.93 ? rng.int(6, 10) : rng.int(11, 15);
}

const dayOfWeek = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** An instant on a Shanghai working day, as stored (UTC ISO). */
const at = (date: string, hour: number, minute: number) =>
  new Date(
    `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`,
  ).toISOString();

/**
 * The filings, in order: pure, so that a test can count what the writer should have written.
 * `counties`: Yunnan's county codes in code order.
 */
export function* historyFilings(
  plan: HistoryPlan,
  units: HistoryUnit[],
  counties: string[],
): Generator<PlannedFiling> {
  const rng = new Random(plan.seed);
  // Busier and quieter counties: a weight by rank in a shuffled order, from 3.5 down to about 0.6.
  const ranked = rng.shuffle([...counties]);
  const weightOf = new Map(ranked.map((c, rank) => [c, 0.5 + 3 / (1 + rank / 8)]));
  const byWeight = (c: string) => weightOf.get(c) ?? 1;
  const anywhere = new Cumulative(counties, byWeight);
  const inPrefecture = new Map<string, Cumulative<string>>();
  for (const prefecture of new Set(counties.map((c) => c.slice(0, 4))))
    inPrefecture.set(
      prefecture,
      new Cumulative(
        counties.filter((c) => c.startsWith(prefecture)),
        byWeight,
      ),
    );
  const days: string[] = [];
  for (let d = plan.from; d <= plan.to; d = addDays(d, 1)) days.push(d);
  // Mostly working days.
  const startDays = new Cumulative(days, (d) => {
    const weekday = dayOfWeek(d);
    return (MONTH_WEIGHTS[Number(d.slice(5, 7)) - 1] ?? 1) * (weekday === 0 || weekday === 6 ? 0.15 : 1);
  });
  // 教育厅, 卫健委 and 农业农村厅 file most; each prefecture about as much as a middling provincial unit.
  const unitPicker = new Cumulative(
    units.map((_, i) => i),
    (i) => (units[i]?.prefecture ? 1.5 : 4 - i * 0.2),
  );

  for (let n = 0; n < plan.filings; n++) {
    const unitIndex = unitPicker.pick(rng);
    const unit = units[unitIndex] as HistoryUnit;
    const own = unit.prefecture ? inPrefecture.get(unit.prefecture) : undefined;
    const first = (own ?? anywhere).pick(rng);
    const stops: PlannedStop[] = [];
    const stopCount = rng.weighted([
      [1, 0.55],
      [2, 0.3],
      [3, 0.15],
    ] as const);
    let county = first;
    for (let s = 0; s < stopCount; s++) {
      if (s > 0) {
        // A second site in the same county now and then; else a neighbour, or (for a provincial unit) anywhere.
        if (!rng.chance(0.06))
          county = (
            own ??
            (rng.chance(0.7) ? inPrefecture.get(first.slice(0, 4)) : anywhere) ??
            anywhere
          ).pick(rng);
      }
      stops.push({ countyCode: county, site: rng.chance(0.35) ? null : rng.pick(DEMO_SITES) });
    }
    const startDate = startDays.pick(rng);
    const length = rng.weighted([
      [1, 0.2],
      [2, 0.35],
      [3, 0.25],
      [4, 0.12],
      [5, 0.08],
    ] as const);
    const endDate = addDays(startDate, length - 1);
    const status = rng.weighted(STATUSES);
    const createdAt = at(addDays(startDate, -rng.int(3, 30)), rng.int(9, 17), rng.int(0, 59));
    const theme = rng.pick(DEMO_TOPICS[unit.name] ?? PREFECTURE_TOPICS);
    // Drawn for every filing, so that the day of generation moves which visits have results, not the rest.
    const result = {
      owed: rng.chance(0.9),
      solved: rng.chance(0.4) ? '协调解决了部分具体困难' : null,
      at: at(addDays(endDate, rng.int(1, 10)), rng.int(9, 17), rng.int(0, 59)),
    };
    const hasResult = status !== 'cancelled' && endDate < plan.today && result.owed;
    const gender = rng.chance(0.75) ? 'male' : 'female';
    yield {
      unit: unitIndex,
      department:
        unit.departments.length > 0 && rng.chance(0.7) ? rng.int(0, unit.departments.length - 1) : null,
      leaderName: randomSurname(rng) + givenName(rng, gender, 50),
      leaderLevel: unit.prefecture
        ? rng.pick(['州（市）级', '县处级'])
        : rng.pick(['厅级', '副厅级', '处级']),
      topic: rng.chance(0.5) ? `${theme}情况调研` : `关于${theme}的调研`,
      startDate,
      endDate,
      stops,
      headcount: headcount(rng),
      asks: rng.chance(0.3) ? '不安排陪同，不准备汇报材料' : null,
      status,
      createdAt,
      result: hasResult
        ? { findings: `${theme}：了解基层情况，梳理问题清单`, solved: result.solved, at: result.at }
        : null,
    };
  }
}

/** The distinct counties of a filing's stops: its rows of field_visit_counties. */
export const countiesOf = (f: Pick<PlannedFiling, 'stops'>) => [...new Set(f.stops.map((s) => s.countyCode))];
