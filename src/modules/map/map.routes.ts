import type { FastifyInstance } from 'fastify';

/** The map's GeoJSON layers and outline editing: being written. */
export async function mapRoutes(_fastify: FastifyInstance) {}
