import type { VisitMode } from '../../api/visits';

/** What has been typed into a visit form, kept on the phone until the visit is recorded. */
export interface VisitDraft {
  mode: VisitMode;
  findings?: string;
  needs?: string;
  followUp?: string;
  majorChange?: boolean;
  /** `YYYY-MM-DDTHH:mm` when a time other than "now" was chosen. */
  visitedAt?: string | null;
}

const key = (residentId: number) => `jiceng.visitDraft.${residentId}`;

// A draft is for the visit at hand; one left for days is from another visit.
const MAX_AGE_MS = 24 * 3_600_000;

export function loadDraft(residentId: number): VisitDraft | null {
  try {
    const raw = localStorage.getItem(key(residentId));
    if (!raw) return null;
    const { savedAt, draft } = JSON.parse(raw) as { savedAt: number; draft: VisitDraft };
    if (typeof savedAt !== 'number' || Date.now() - savedAt > MAX_AGE_MS) {
      localStorage.removeItem(key(residentId));
      return null;
    }
    const typed = [draft.findings, draft.needs, draft.followUp].some((text) => text?.trim());
    return typed || draft.majorChange ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(residentId: number, draft: VisitDraft): void {
  try {
    localStorage.setItem(key(residentId), JSON.stringify({ savedAt: Date.now(), draft }));
  } catch {
    // Storage full or unavailable: the form still holds what was typed.
  }
}

export function clearDraft(residentId: number): void {
  try {
    localStorage.removeItem(key(residentId));
  } catch {
    // Nothing to clear.
  }
}
