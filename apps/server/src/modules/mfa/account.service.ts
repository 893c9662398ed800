import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { conflict, forbidden, invalid, notFound, unauthorized, unprocessable } from '../../lib/errors';
import type { Mailer } from '../../lib/mail';
import { subjectsOf, takeAttempt, withdrawAttempt } from '../../lib/rate-limit';
import type { SecretBox } from '../../lib/secrets';
import { findUserById } from '../identity/identity.repository';
import type { Site } from '../mail/templates';
import {
  beginTotpFor,
  dropRecoveryCodesWithoutFactor,
  issueRecoveryCodes,
  mfaCodeLimit,
  openTotpSecret,
  recoveryCodesForFirstFactor,
  tellOwner,
  toPasskeyDto,
} from './factors';
import {
  deletePasskey,
  deleteTotpOfUser,
  findPasskeyByCredentialId,
  findPasskeyOfActor,
  findPasskeysOfActor,
  findPolicy,
  findRecoveryCodeSummary,
  findTotpOfUser,
  hasFactor,
  insertPasskey,
  renamePasskey,
  spendTotpStep,
} from './mfa.repository';
import { totpStepOf } from './totp';
import {
  PasskeyRefused,
  passkeyRegistrationOptions,
  verifyPasskeyRegistration,
  type RelyingParty,
} from './webauthn';

export interface AccountDeps {
  db: Db;
  mailer: Mailer;
  site: Site;
  secrets: SecretBox;
  rp: RelyingParty;
}

/** Factors are a person's own, changed from their signed-in browser: never with an API token. */
async function meOf(d: AccountDeps, ctx: Ctx) {
  if (ctx.actor.via === 'token')
    throw forbidden('Sign-in factors are managed from a signed-in session, not with a token');
  const user = await findUserById(d.db, ctx.actor, ctx.actor.userId);
  if (!user) throw unauthorized();
  return user;
}

export async function getMyMfa(d: AccountDeps, ctx: Ctx) {
  const user = await findUserById(d.db, ctx.actor, ctx.actor.userId);
  if (!user) throw unauthorized();
  const app = await findTotpOfUser(d.db, user.id);
  const passkeys = await findPasskeysOfActor(d.db, ctx.actor);
  const codes = await findRecoveryCodeSummary(d.db, user.id);
  const policy = await findPolicy(d.db, user.organizationId);
  return {
    totp: app ? { confirmedAt: app.confirmedAt?.toISOString() ?? null } : null,
    passkeys: passkeys.map(toPasskeyDto),
    recoveryCodes: { remaining: codes.remaining, generatedAt: codes.generatedAt?.toISOString() ?? null },
    required: policy.required,
  };
}

export async function beginTotp(d: AccountDeps, ctx: Ctx) {
  const user = await meOf(d, ctx);
  return beginTotpFor(d, ctx, user);
}

export async function confirmTotp(d: AccountDeps, ctx: Ctx, code: string) {
  const user = await meOf(d, ctx);
  const app = await findTotpOfUser(d.db, user.id);
  if (!app) throw unprocessable('Start setting up an authenticator app first');
  if (app.confirmedAt) throw conflict('Your authenticator app is already set up');
  const attempt = await takeAttempt(d.db, mfaCodeLimit, subjectsOf(user.email, null), 'wrong codes');
  const step = await totpStepOf(openTotpSecret(d.secrets, app), code, app.lastUsedStep);
  if (step === null) {
    throw invalid([{ path: 'body.code', message: 'That code is not right: check the time on your phone' }]);
  }
  await withdrawAttempt(d.db, attempt);
  const hadFactor = Boolean(await hasFactor(d.db, user.id));
  const recoveryCodes = await runChange(d.db, ctx, async (tx, record) => {
    if (!(await spendTotpStep(tx, app.id, step, new Date()))) throw conflict('That code was already used');
    record.audit({ action: 'mfa.totp_added', entityType: 'user', entityId: user.id });
    return recoveryCodesForFirstFactor(tx, user.id, hadFactor, record);
  });
  await tellOwner(d, user, 'An authenticator app was added to your account');
  return recoveryCodes ? { recoveryCodes } : {};
}

/** Where the organization requires MFA, the last factor stays until another replaces it. */
async function assertNotLastRequired(
  d: AccountDeps,
  user: { id: string; organizationId: string },
  left: number,
) {
  if (left > 0) return;
  if ((await findPolicy(d.db, user.organizationId)).required) {
    throw unprocessable('Your organization requires a second factor: add another before removing this one');
  }
}

async function factorCount(d: AccountDeps, userId: string) {
  const f = await hasFactor(d.db, userId);
  return f ? (f.totp ? 1 : 0) + f.passkeys : 0;
}

export async function removeTotp(d: AccountDeps, ctx: Ctx) {
  const user = await meOf(d, ctx);
  const app = await findTotpOfUser(d.db, user.id);
  if (!app) throw notFound('authenticator app');
  if (app.confirmedAt) await assertNotLastRequired(d, user, (await factorCount(d, user.id)) - 1);
  await runChange(d.db, ctx, async (tx, record) => {
    await deleteTotpOfUser(tx, user.id);
    await dropRecoveryCodesWithoutFactor(tx, user.id);
    record.audit({ action: 'mfa.totp_removed', entityType: 'user', entityId: user.id });
  });
  if (app.confirmedAt) await tellOwner(d, user, 'The authenticator app was removed from your account');
}

export async function passkeyOptions(d: AccountDeps, ctx: Ctx) {
  const user = await meOf(d, ctx);
  return passkeyRegistrationOptions(d.db, d.rp, user, await findPasskeysOfActor(d.db, ctx.actor));
}

export async function addPasskey(
  d: AccountDeps,
  ctx: Ctx,
  input: { name: string; response: RegistrationResponseJSON },
) {
  const user = await meOf(d, ctx);
  const verified = await verifyPasskeyRegistration(d.db, d.rp, user.id, input.response).catch(
    (err: unknown) => {
      if (err instanceof PasskeyRefused) throw invalid([{ path: 'body.response', message: err.message }]);
      throw err;
    },
  );
  if (await findPasskeyByCredentialId(d.db, verified.credentialId)) {
    throw conflict('This passkey is already registered');
  }
  const hadFactor = Boolean(await hasFactor(d.db, user.id));
  const { passkey, recoveryCodes } = await runChange(d.db, ctx, async (tx, record) => {
    const row = await insertPasskey(tx, { userId: user.id, name: input.name, ...verified });
    record.audit({
      action: 'mfa.passkey_added',
      entityType: 'passkey',
      entityId: row.id,
      after: { name: row.name, userId: user.id },
    });
    return { passkey: row, recoveryCodes: await recoveryCodesForFirstFactor(tx, user.id, hadFactor, record) };
  });
  await tellOwner(d, user, `A passkey named “${passkey.name}” was added to your account`);
  return { passkey: toPasskeyDto(passkey), ...(recoveryCodes ? { recoveryCodes } : {}) };
}

export async function renameMyPasskey(d: AccountDeps, ctx: Ctx, id: string, name: string) {
  const user = await meOf(d, ctx);
  const passkey = await findPasskeyOfActor(d.db, ctx.actor, id);
  if (!passkey) throw notFound('passkey');
  const row = await runChange(d.db, ctx, async (tx, record) => {
    const renamed = await renamePasskey(tx, passkey.id, name);
    record.audit({
      action: 'mfa.passkey_renamed',
      entityType: 'passkey',
      entityId: passkey.id,
      before: { name: passkey.name },
      after: { name },
    });
    return renamed;
  });
  if (name !== passkey.name) {
    await tellOwner(d, user, `The passkey “${passkey.name}” of your account was renamed “${name}”`);
  }
  return toPasskeyDto(row);
}

export async function removeMyPasskey(d: AccountDeps, ctx: Ctx, id: string) {
  const user = await meOf(d, ctx);
  const passkey = await findPasskeyOfActor(d.db, ctx.actor, id);
  if (!passkey) throw notFound('passkey');
  await assertNotLastRequired(d, user, (await factorCount(d, user.id)) - 1);
  await runChange(d.db, ctx, async (tx, record) => {
    await deletePasskey(tx, passkey.id);
    await dropRecoveryCodesWithoutFactor(tx, user.id);
    record.audit({
      action: 'mfa.passkey_removed',
      entityType: 'passkey',
      entityId: passkey.id,
      before: { name: passkey.name },
    });
  });
  await tellOwner(d, user, `The passkey “${passkey.name}” was removed from your account`);
}

export async function regenerateRecoveryCodes(d: AccountDeps, ctx: Ctx) {
  const user = await meOf(d, ctx);
  if (!(await hasFactor(d.db, user.id))) {
    throw unprocessable(
      'Recovery codes back up a second factor: add an authenticator app or a passkey first',
    );
  }
  const codes = await runChange(d.db, ctx, (tx, record) => issueRecoveryCodes(tx, user.id, record));
  await tellOwner(d, user, 'New recovery codes were generated for your account; the old ones no longer work');
  return { codes };
}
