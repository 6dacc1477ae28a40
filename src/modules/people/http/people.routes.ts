/** The people routes: one-box search, a person's file, duplicate candidates, and supervisors' decisions. */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../../platform/http/deps.ts';
import { staffCtx } from '../../auth/index.ts';
import { duplicatesOf, getPerson, markDistinct, mergePerson, searchPeople, unmergePerson } from '../use-cases/people.ts';
import * as S from './people.schema.ts';

const tags = ['people'];

export function peopleRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>();
    app.post(
      '/people/search',
      {
        schema: {
          tags,
          summary:
            'One-box search in any script and spelling, optionally by date of birth, among the persons you may see; each hit says why it matched (audited; the terms are never logged)',
          body: S.SearchBody,
          response: { 200: S.SearchReply },
        },
      },
      async (req) => searchPeople(staffCtx(req, deps), req.body),
    );
    app.get(
      '/people/:id',
      {
        schema: {
          tags,
          summary: 'A person: passports past and present, name variants with why, decisions (audited)',
          params: S.PersonParams,
          response: { 200: S.PersonView },
        },
      },
      async (req) => getPerson(staffCtx(req, deps), req.params.id),
    );
    app.get(
      '/people/:id/duplicates',
      {
        schema: {
          tags,
          summary: 'Persons who resemble this one, with the reasons (audited)',
          params: S.PersonParams,
          response: { 200: S.DuplicatesReply },
        },
      },
      async (req) => duplicatesOf(staffCtx(req, deps), req.params.id),
    );
    app.post(
      '/people/:id/merge',
      {
        schema: {
          tags,
          summary: 'Supervisor: merge this person into another (reversible; audited; 409 when the standing decisions forbid it)',
          params: S.PersonParams,
          body: S.MergeBody,
          response: { 200: S.DecisionReply },
        },
      },
      async (req) => mergePerson(staffCtx(req, deps), req.params.id, req.body.into),
    );
    app.post(
      '/people/:id/unmerge',
      {
        schema: {
          tags,
          summary: 'Supervisor: reverse the merge (or intake link) of this person (audited; 409 if it is not merged)',
          params: S.PersonParams,
          response: { 200: S.DecisionReply },
        },
      },
      async (req) => unmergePerson(staffCtx(req, deps), req.params.id),
    );
    app.post(
      '/people/:id/distinct',
      {
        schema: {
          tags,
          summary: 'Supervisor: record that two persons are different people; they are not offered as duplicates again (audited; 409)',
          params: S.PersonParams,
          body: S.DistinctBody,
          response: { 200: S.DecisionReply },
        },
      },
      async (req) => markDistinct(staffCtx(req, deps), req.params.id, req.body.other),
    );
  };
}
