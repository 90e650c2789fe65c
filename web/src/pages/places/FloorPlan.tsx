import { Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import type { House, HouseOccupancy } from '../../api/places';
import { useIsMobile } from '../../components/useIsMobile';
import { type Translate, useT } from '../../i18n';
import { floorPlanOf } from './floorPlan';
import { HOUSE_USE_KEYS } from './vocabulary';

/** 1单元 for a bare number, the recorded text otherwise. */
export function unitLabel(t: Translate, unit: string | null): string {
  if (unit === null) return t('places.noUnit');
  return /^\d+$/.test(unit) ? t('places.unitN', { n: unit }) : unit;
}

/** 1单元 101 */
export function houseLabel(t: Translate, house: Pick<House, 'unit' | 'room'>): string {
  return house.unit ? `${unitLabel(t, house.unit)} ${house.room}` : house.room;
}

function occupancyText(t: Translate, occupancy: HouseOccupancy | undefined): string {
  if (!occupancy || occupancy.residents === 0) return t('places.vacant');
  return t('places.tileCounts', { households: occupancy.households, residents: occupancy.residents });
}

interface RoomTileProps {
  house: House;
  occupancy: HouseOccupancy | undefined;
  /** Counts still loading: the tile shows no guess. */
  counting: boolean;
  onOpen: (house: House) => void;
}

function RoomTile({ house, occupancy, counting, onOpen }: RoomTileProps) {
  const t = useT();
  const occupied = (occupancy?.residents ?? 0) > 0;
  const text = counting ? '…' : occupancyText(t, occupancy);
  const classes = ['room-tile', occupied ? 'room-tile-occupied' : 'room-tile-vacant'];
  if (house.use !== 'residential') classes.push('room-tile-other-use');
  const marks = [
    occupancy?.overdue ? t('places.markOverdue', { n: occupancy.overdue }) : null,
    occupancy?.caredFor ? t('places.markCaredFor', { n: occupancy.caredFor }) : null,
  ].filter(Boolean);
  return (
    <button
      type="button"
      className={classes.join(' ')}
      onClick={() => onOpen(house)}
      aria-label={[houseLabel(t, house), text, ...marks].join('，')}
      data-testid={`room-${house.id}`}
    >
      <span className="room-tile-number">{house.room}</span>
      <span className="room-tile-counts">{text}</span>
      {house.use !== 'residential' ? (
        <span className="room-tile-use">{t(HOUSE_USE_KEYS[house.use])}</span>
      ) : null}
      {occupancy?.overdue ? (
        <span className="room-tile-mark room-tile-mark-overdue" />
      ) : occupancy?.caredFor ? (
        <span className="room-tile-mark room-tile-mark-cared" />
      ) : null}
    </button>
  );
}

interface FloorPlanProps {
  houses: House[];
  occupancy: Map<number, HouseOccupancy> | undefined;
  counting: boolean;
  onOpen: (house: House) => void;
}

/**
 * The houses as a floor plan: a block per unit, a row per floor (top floor first), a tile per
 * room showing who lives there; a tile opens the house.
 */
export function FloorPlan({ houses, occupancy, counting, onOpen }: FloorPlanProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const plan = floorPlanOf(houses);
  const [chosen, setChosen] = useState<string>();
  // Phones show one unit at a time, chosen above the plan; a desktop shows them side by side.
  const switching = isMobile && plan.length > 1;
  const keyOf = (unit: string | null) => unit ?? '';
  const current = plan.find((block) => keyOf(block.unit) === chosen) ?? plan[0];
  const shown = switching && current ? [current] : plan;
  return (
    <div className="floor-plan" data-testid="floor-plan">
      {switching ? (
        <div className="floor-plan-switch">
          <Segmented
            value={keyOf(current?.unit ?? null)}
            onChange={(value) => setChosen(String(value))}
            options={plan.map((block) => ({ value: keyOf(block.unit), label: unitLabel(t, block.unit) }))}
            aria-label={t('places.unit')}
          />
        </div>
      ) : null}
      {shown.map((block) => (
        <section key={block.unit ?? ''} className="floor-plan-unit" aria-label={unitLabel(t, block.unit)}>
          <Flex className="floor-plan-unit-title" align="baseline" gap={8}>
            <Typography.Text strong>{unitLabel(t, block.unit)}</Typography.Text>
            <Typography.Text type="secondary" className="small-text">
              {t('places.housesN', { n: block.houseCount })}
            </Typography.Text>
          </Flex>
          <div className="floor-plan-rows">
            {block.floors.map((row) => (
              <div key={row.floor ?? 'none'} className="floor-plan-row">
                <span className="floor-plan-floor">
                  {row.floor === null ? '—' : t('places.floorShort', { n: row.floor })}
                </span>
                <div className="floor-plan-rooms">
                  {row.houses.map((house) => (
                    <RoomTile
                      key={house.id}
                      house={house}
                      occupancy={occupancy?.get(house.id)}
                      counting={counting}
                      onOpen={onOpen}
                    />
                  ))}
                </div>
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

/** What the tiles' colours and dots mean. */
export function FloorPlanLegend() {
  const t = useT();
  return (
    <Flex gap="4px 14px" wrap className="floor-plan-legend small-text">
      <span>
        <span className="legend-swatch room-tile-occupied" /> {t('places.legendOccupied')}
      </span>
      <span>
        <span className="legend-swatch room-tile-vacant" /> {t('places.legendVacant')}
      </span>
      <span>
        <span className="room-tile-mark room-tile-mark-cared legend-dot" /> {t('places.legendCaredFor')}
      </span>
      <span>
        <span className="room-tile-mark room-tile-mark-overdue legend-dot" /> {t('places.legendOverdue')}
      </span>
    </Flex>
  );
}
