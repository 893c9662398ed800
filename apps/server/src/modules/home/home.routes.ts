import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { partnerHomeSchema } from '@partnergraph/shared/contracts/home';
import type { Deps } from '../../lib/deps';
import { partnerHome } from './home.service';

export default async function homeRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/me/home',
    {
      config: { access: 'home:read' },
      schema: {
        tags: ['auth'],
        summary: "What needs your partner organization now (the partner's home)",
        description:
          'Referrals and leads waiting for an answer, deals whose protection ends within 14 days, agreements to accept, fund requests to claim, the next tier with progress against each requirement, unread announcements and new enablement content — each read as the lists they link to read it, so nothing here is beyond what you may open. Partners only: vendor staff work from the partner list.',
        response: { 200: partnerHomeSchema },
      },
    },
    async (req) => partnerHome(db, req.ctx),
  );
}
