import L from 'leaflet';

// leaflet-geoman is a classic plugin: it extends the global `L` when it loads. Modules importing
// this one before the plugin make sure that global is the Leaflet the map uses.
(globalThis as { L?: typeof L }).L = L;

export default L;
