// Partner application emails, to an applicant who has no account yet.
import { action, linkTo, paragraph, render, type Email, type Site } from '../layout';
import { hello } from './wording';

const applicantReason = (companyName: string) =>
  `You received this email because ${companyName} applied to the partner program with this address.`;

export function applicationReceivedEmail(
  d: { contactName: string; companyName: string; programNames: string[] },
  site: Site,
): Email {
  return render(
    site,
    'We received your partner application',
    [
      hello(d.contactName),
      paragraph(
        `Thank you for applying to ${d.programNames.join(', ')} with ${d.companyName}. A channel manager will review it and answer by email.`,
      ),
    ],
    { reason: applicantReason(d.companyName) },
  );
}

export function applicationApprovedEmail(
  d: {
    contactName: string;
    companyName: string;
    /** The programs it was enrolled in. */
    programNames: string[];
    /** An invitation to set up the first account; null when the contact already has one. */
    invitationToken: string | null;
  },
  site: Site,
): Email {
  return render(
    site,
    `Welcome to the partner program: ${d.companyName} is approved`,
    [
      hello(d.contactName),
      paragraph(
        `${d.companyName} is approved${d.programNames.length ? ` for ${d.programNames.join(', ')}` : ''}.`,
      ),
      ...(d.invitationToken
        ? [
            action(
              'Set up your account (the link works once and expires in 7 days)',
              linkTo(site, 'invitations', d.invitationToken),
            ),
          ]
        : [
            paragraph('Sign in with your existing account to continue.'),
            action('Sign in', linkTo(site, 'login')),
          ]),
      paragraph('Next: accept the partner agreement and complete your onboarding checklist.'),
    ],
    { reason: applicantReason(d.companyName) },
  );
}

export function applicationRejectedEmail(
  d: { contactName: string; companyName: string; reason: string },
  site: Site,
): Email {
  return render(
    site,
    'Your partner application',
    [
      hello(d.contactName),
      paragraph(
        `Thank you for applying with ${d.companyName}. We are not able to accept the application at this time.`,
      ),
      paragraph(`Reason: ${d.reason}`),
    ],
    { reason: applicantReason(d.companyName) },
  );
}
