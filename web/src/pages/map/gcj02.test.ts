import { describe, expect, it } from 'vitest';
import { datumFor, gcjToWgs, outOfChina, wgsToGcj } from './gcj02';

describe('WGS-84 ⇄ GCJ-02', () => {
  it('shifts Tiananmen as the published tables do', () => {
    const gcj = wgsToGcj(39.90734, 116.39089);
    expect(Math.abs(gcj.lat - 39.90874)).toBeLessThan(1e-4);
    expect(Math.abs(gcj.lng - 116.39713)).toBeLessThan(1e-4);
  });

  it('shifts a point in Lanzhou by tens to hundreds of metres', () => {
    const gcj = wgsToGcj(36.0703, 103.7601);
    const metresPerDegree = 111_320;
    const north = (gcj.lat - 36.0703) * metresPerDegree;
    const east = (gcj.lng - 103.7601) * metresPerDegree * Math.cos((36.0703 * Math.PI) / 180);
    const distance = Math.hypot(north, east);
    expect(distance).toBeGreaterThan(20);
    expect(distance).toBeLessThan(1000);
  });

  it('leaves points outside China where they are', () => {
    expect(outOfChina(51.5007, -0.1246)).toBe(true);
    expect(wgsToGcj(51.5007, -0.1246)).toEqual({ lat: 51.5007, lng: -0.1246 });
    expect(gcjToWgs(-33.8568, 151.2153)).toEqual({ lat: -33.8568, lng: 151.2153 });
  });

  it('round-trips within 1e-6 degrees across China', () => {
    const points: [number, number][] = [
      [39.90734, 116.39089], // Beijing
      [36.0703, 103.7601], // Lanzhou
      [26.0745, 119.2965], // Fuzhou
      [36.6253, 114.5391], // Handan
      [25.0389, 102.7183], // Kunming
      [43.8256, 87.6168], // Ürümqi
      [18.2528, 109.5119], // Sanya
      [53.4, 122.3], // Mohe
    ];
    for (const [lat, lng] of points) {
      const gcj = wgsToGcj(lat, lng);
      const back = gcjToWgs(gcj.lat, gcj.lng);
      expect(Math.abs(back.lat - lat), `${lat},${lng}`).toBeLessThan(1e-6);
      expect(Math.abs(back.lng - lng), `${lat},${lng}`).toBeLessThan(1e-6);
      // And the other way round: a point picked on a GCJ-02 map comes back to itself.
      const wgs = gcjToWgs(lat, lng);
      const again = wgsToGcj(wgs.lat, wgs.lng);
      expect(Math.abs(again.lat - lat)).toBeLessThan(1e-6);
      expect(Math.abs(again.lng - lng)).toBeLessThan(1e-6);
    }
  });

  it('converts only for GCJ-02 tiles', () => {
    expect(datumFor('wgs84').toDisplay(39.9, 116.4)).toEqual({ lat: 39.9, lng: 116.4 });
    expect(datumFor('gcj02').toDisplay(39.9, 116.4)).not.toEqual({ lat: 39.9, lng: 116.4 });
  });
});
