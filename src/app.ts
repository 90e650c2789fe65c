import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import addFormats from 'ajv-formats';
import Fastify, { type FastifyInstance } from 'fastify';
import { fieldVisitCoordinationRoutes } from './modules/fieldvisits/coordination.routes.js';
import { fieldVisitsRoutes } from './modules/fieldvisits/fieldvisits.routes.js';
import { fieldVisitFiguresRoutes } from './modules/fieldvisits/figures.routes.js';
import { mapRoutes } from './modules/map/map.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { regionsRoutes } from './modules/regions/regions.routes.js';
import { RegionSchema } from './modules/regions/regions.schemas.js';
import { placesRoutes } from './modules/registry/places.routes.js';
import { registryFilesRoutes } from './modules/registry/registry-files.routes.js';
import { residentsRoutes } from './modules/registry/residents.routes.js';
import { ResidentSchema } from './modules/registry/residents.schemas.js';
import { tagsRoutes } from './modules/registry/tags.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { visitsRoutes } from './modules/visits/visits.routes.js';
import { VisitSchema } from './modules/visits/visits.schemas.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { authPlugin } from './platform/auth/auth.plugin.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { UserSchema } from './platform/auth/auth.schemas.js';
import type { AppContext } from './platform/context.js';
import { frameworkErrors, registerErrorHandling, registerNotFound } from './platform/error-handler.js';
import { registerInputGuard } from './platform/input-guard.js';
import { ErrorResponse } from './platform/schemas.js';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

/** Every module's routes. A new module adds its plugin here. */
const modules = [
  authRoutes,
  regionsRoutes,
  usersRoutes,
  auditRoutes,
  residentsRoutes,
  tagsRoutes,
  visitsRoutes,
  placesRoutes,
  registryFilesRoutes,
  mapRoutes,
  notificationsRoutes,
  fieldVisitsRoutes,
  fieldVisitCoordinationRoutes,
  fieldVisitFiguresRoutes,
];

/** `logStream`: where the log goes instead of stdout (tests read it to prove what it leaves out). */
export async function buildApp(
  ctx: AppContext,
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: ctx.config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Personal data and credentials never reach the log.
      redact: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
      ],
      // Query strings carry searches (an ID number, a phone number): the log keeps the path only.
      serializers: {
        req: (request) => ({
          method: request.method,
          url: request.url.split('?')[0],
          remoteAddress: request.ip,
        }),
      },
    },
    bodyLimit: ctx.config.bodyLimitBytes,
    frameworkErrors,
    trustProxy: ctx.config.trustProxy,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
      plugins: [addFormats as never],
    },
  });
  app.decorate('ctx', ctx);
  registerErrorHandling(app);
  registerInputGuard(app);

  for (const schema of [ErrorResponse, UserSchema, RegionSchema, ResidentSchema, VisitSchema])
    app.addSchema(schema);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Jiceng 基层 API',
        version: '0.1.0',
        description: 'See docs/api.md for the conventions.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jiceng_sid' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  // Lists and the web app's scripts shrink several-fold; a grid worker's phone may be on 3G.
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  // Uploads are streamed to the importer, one file per request.
  await app.register(multipart, { limits: { fileSize: ctx.config.uploadLimitBytes, files: 1, fields: 5 } });
  await app.register(authPlugin, { ctx });

  app.get('/api/health', { schema: { tags: ['platform'] } }, async () => ({
    status: 'ok',
    database: ctx.database.dialect,
  }));
  for (const routes of modules) await app.register(routes);
  await serveWebApp(app, ctx.config.webDir);
  return app;
}

/** The built web app; every other GET path is answered with its index.html (client-side routes). */
async function serveWebApp(app: FastifyInstance, webDir: string) {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return registerNotFound(app);
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    // Vite names assets by content hash: they never change, so browsers may keep them for good.
    // Anything else (index.html above all) is revalidated, so a deploy is seen at once.
    setHeaders: (res, file) =>
      res.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  registerNotFound(app, fs.readFileSync(index));
}
