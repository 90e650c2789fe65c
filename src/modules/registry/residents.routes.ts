import type { FastifyInstance } from 'fastify';

export async function residentsRoutes(_fastify: FastifyInstance) {}
