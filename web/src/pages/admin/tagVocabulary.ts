import type { RiskLevel } from '../../api/residents';
import type { TagCategory } from '../../api/tags';
import type { MessageKey } from '../../i18n';

/** The tag categories (server: registry.vocabulary.ts TAG_CATEGORIES), in the server's order. */
export const TAG_CATEGORY_KEYS: Record<TagCategory, MessageKey> = {
  elderly: 'tags.category.elderly',
  disability: 'tags.category.disability',
  assistance: 'tags.category.assistance',
  children: 'tags.category.children',
  family: 'tags.category.family',
  special: 'tags.category.special',
};

/** The visit interval each risk level suggests (tags.catalog.ts): weekly, monthly, quarterly. */
export const SUGGESTED_INTERVAL_DAYS: Record<RiskLevel, number> = { high: 7, key: 30, general: 90 };
