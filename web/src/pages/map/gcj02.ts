/**
 * WGS-84 ⇄ GCJ-02, the datum Chinese map tiles are drawn in: by law they shift every coordinate
 * inside mainland China by a few hundred metres with a published obfuscation formula (the
 * Krasovsky-ellipsoid offset below). We store WGS-84 (what GPS and the national standards give)
 * and shift only for display when the configured tiles are GCJ-02. The inverse has no closed
 * form; a few fixed-point iterations reach it to well below a millimetre.
 */
export interface LatLng {
  lat: number;
  lng: number;
}

/** Krasovsky 1940: semi-major axis and first eccentricity squared. */
const A = 6378245.0;
const EE = 0.006693421622965943;

/** The rough box outside which no offset applies (the formula's own convention). */
export function outOfChina(lat: number, lng: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS-84 → GCJ-02. */
export function wgsToGcj(lat: number, lng: number): LatLng {
  if (outOfChina(lat, lng)) return { lat, lng };
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (offsetLng(lng - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}

/**
 * GCJ-02 → WGS-84 by fixed-point iteration: guess, shift the guess forward, correct by the miss.
 * The offset changes slowly, so each round gains several digits.
 */
export function gcjToWgs(lat: number, lng: number): LatLng {
  if (outOfChina(lat, lng)) return { lat, lng };
  let guess = { lat, lng };
  for (let i = 0; i < 30; i += 1) {
    const shifted = wgsToGcj(guess.lat, guess.lng);
    const dLat = shifted.lat - lat;
    const dLng = shifted.lng - lng;
    guess = { lat: guess.lat - dLat, lng: guess.lng - dLng };
    if (Math.abs(dLat) < 1e-10 && Math.abs(dLng) < 1e-10) break;
  }
  return guess;
}

/** A pair of conversions between the stored datum (WGS-84) and the one the map is drawn in. */
export interface Datum {
  toDisplay: (lat: number, lng: number) => LatLng;
  fromDisplay: (lat: number, lng: number) => LatLng;
}

const identity = (lat: number, lng: number): LatLng => ({ lat, lng });

export function datumFor(tileCrs: 'wgs84' | 'gcj02'): Datum {
  return tileCrs === 'gcj02'
    ? { toDisplay: wgsToGcj, fromDisplay: gcjToWgs }
    : { toDisplay: identity, fromDisplay: identity };
}
