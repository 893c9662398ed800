// Account emails: invitations and password changes.
import type { Role } from '@partnergraph/shared/permissions';
import { action, linkTo, paragraph, render, strong, type Email, type Site, platformName } from '../layout';
import { timeOf, hello } from './wording';

const roleNames: Record<Role, string> = {
  admin: 'administrator',
  channel_manager: 'channel manager',
  analyst: 'analyst',
  partner_admin: 'partner administrator',
  partner_user: 'partner user',
};

export function invitationEmail(
  d: { inviterName: string; organizationName: string; role: Role; token: string },
  site: Site,
): Email {
  return render(
    site,
    `${d.inviterName} invited you to ${d.organizationName} on ${platformName()}`,
    [
      paragraph(
        `${d.inviterName} invited you to join `,
        strong(d.organizationName),
        ` on ${platformName()} as ${roleNames[d.role]}.`,
      ),
      action('Accept the invitation and choose your password', linkTo(site, 'invitations', d.token)),
      paragraph('The link works once and expires in 7 days.'),
    ],
    {
      reason: `You received this email because ${d.inviterName} invited this address to ${d.organizationName}. If you did not expect it, ignore it: no account is created unless the link is used.`,
    },
  );
}

export function passwordResetEmail(d: { name: string; token: string }, site: Site): Email {
  return render(
    site,
    `Reset your ${platformName()} password`,
    [
      hello(d.name),
      paragraph(`Someone asked to reset the password of your ${platformName()} account.`),
      action('Choose a new password', linkTo(site, 'reset-password', d.token)),
      paragraph(
        'The link works once, for one hour. If you did not ask, ignore this email: your password stays as it is.',
      ),
    ],
    { reason: 'You received this email because a password reset was asked for the account of this address.' },
  );
}

export function passwordChangedEmail(d: { name: string; at: Date }, site: Site): Email {
  return render(
    site,
    `Your ${platformName()} password was changed`,
    [
      hello(d.name),
      paragraph(
        `The password of your ${platformName()} account was changed at ${timeOf(d.at)}. All sessions were signed out.`,
      ),
      paragraph('If this was not you, reset your password at once and tell your administrator.'),
      action('Reset your password', linkTo(site, 'forgot-password')),
    ],
    {
      reason:
        'You received this email because the password of your account changed: every change is told, so one you did not make cannot go unnoticed.',
    },
  );
}

/** A sign-in factor of the account changed (added, renamed, removed, reset, recovery codes): always told. */
export function mfaChangedEmail(d: { name: string; change: string; at: Date }, site: Site): Email {
  return render(
    site,
    `A sign-in factor of your ${platformName()} account changed`,
    [
      hello(d.name),
      paragraph(`${d.change} (${timeOf(d.at)}).`),
      paragraph('If this was not you, reset your password at once and tell your administrator.'),
      action('Review your account security', linkTo(site, 'account', 'security')),
    ],
    {
      reason:
        'You received this email because a sign-in factor of your account changed: every change is told, so one you did not make cannot go unnoticed.',
    },
  );
}
