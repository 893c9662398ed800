import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, idSchema, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  announcementListQuery,
  announcementSchema,
  attendanceBody,
  attendeeSchema,
  commentSchema,
  createAnnouncementBody,
  createCommentBody,
  createEventBody,
  createPostBody,
  createSpaceBody,
  eventListQuery,
  eventSchema,
  introduceBody,
  inviteMembersBody,
  memberListQuery,
  memberProfileSchema,
  memberRoleBody,
  memberSchema,
  moderationEntrySchema,
  moderationReasonBody,
  notificationListQuery,
  notificationPageSchema,
  notificationSchema,
  notificationSettingsSchema,
  postListQuery,
  postSchema,
  previewBody,
  previewSchema,
  reactBody,
  reactionKinds,
  receiptSchema,
  reportBody,
  reportListQuery,
  reportSchema,
  resolveReportBody,
  revisionSchema,
  rsvpBody,
  spaceListQuery,
  spaceMemberSchema,
  spaceSchema,
  spaceUserParams,
  suspendMemberBody,
  unreadCountSchema,
  updateCommentBody,
  updateEventBody,
  updateMemberProfileBody,
  updateNotificationSettingsBody,
  updatePostBody,
  updateSpaceBody,
} from '@partnergraph/shared/contracts/community';
import type { Deps } from '../../lib/deps';
import { siteOf } from '../mail/templates';
import {
  createAnnouncement,
  getAnnouncement,
  listAnnouncements,
  listReceipts,
  markAnnouncementRead,
} from './announcements.service';
import {
  cancelEvent,
  createCommunityEvent,
  eventIcs,
  getEvent,
  listAttendees,
  listEvents,
  markAttendance,
  rsvp,
  updateEvent,
} from './events.service';
import {
  getMember,
  getMemberProfile,
  introduce,
  listMembers as listDirectory,
  updateMemberProfile,
} from './members.service';
import {
  listReports,
  moderateComment,
  moderatePost,
  moderationLog,
  reportContent,
  resolveReport,
  type PostVerb,
} from './moderation.service';
import {
  getNotificationSettings,
  listNotifications,
  markAllRead,
  markRead,
  unreadCount,
  updateNotificationSettings,
} from './notifications.service';
import {
  createComment,
  createPost,
  deleteComment,
  deletePost,
  getPost,
  listComments,
  listPosts,
  listRevisions,
  previewMarkdown,
  react,
  updateComment,
  updatePost,
} from './posts.service';
import {
  createSpace,
  getSpace,
  listSpaces,
  inviteMembers,
  invitable,
  joinSpace,
  leaveSpace,
  listMembers,
  mentionable,
  setMemberRole,
  suspendMember,
  updateSpace,
} from './spaces.service';

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
// The kind is checked by the service: an unknown one is a reaction that does not exist (404).
const reactionParams = z.object({
  id: idSchema,
  kind: z.string().max(40).describe(reactionKinds.join(', ')),
});
const mentionQuery = z.object({ q: z.string().trim().max(100).optional() });
const memberQuery = paginationQuery.extend({ q: z.string().trim().max(100).optional() });
const previewQuery = z.object({
  spaceId: idSchema.optional().describe('Resolve mentions among this space’s readers'),
});
const none = { 204: z.null() };

export default async function communityRoutes(app: FastifyInstance, { db, mailer, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const site = siteOf(config);
  const tags = ['community'];

  // --- Spaces ---
  r.get(
    '/spaces',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'Spaces open to you',
        description:
          'Open spaces, the segment spaces your organization falls in, and private spaces you were invited to; vendor staff see all, archived ones too.',
        querystring: spaceListQuery,
        response: { 200: pageOf(spaceSchema) },
      },
    },
    async (req) => listSpaces(db, req.ctx, req.query),
  );
  r.post(
    '/spaces',
    {
      config: { access: 'spaces:manage' },
      schema: {
        tags,
        summary: 'Create a space (vendor)',
        description: 'open: every partner; segment: partners matching the segment; private: by invitation.',
        body: createSpaceBody,
        response: { 201: spaceSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createSpace(db, req.ctx, req.body)),
  );
  r.get(
    '/spaces/:id',
    {
      config: { access: 'community:read' },
      schema: { tags, summary: 'A space', params: idParams, response: { 200: spaceSchema } },
    },
    async (req) => getSpace(db, req.ctx, req.params.id),
  );
  r.patch(
    '/spaces/:id',
    {
      config: { access: 'spaces:manage' },
      schema: {
        tags,
        summary: 'Rename, describe, re-segment or archive a space (vendor)',
        params: idParams,
        body: updateSpaceBody,
        response: { 200: spaceSchema },
      },
    },
    async (req) => updateSpace(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/spaces/:id/join',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Join a space (private ones: accept the invitation)',
        params: idParams,
        response: { 200: spaceSchema },
      },
    },
    async (req) => joinSpace(db, req.ctx, req.params.id),
  );
  r.post(
    '/spaces/:id/leave',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Leave a space',
        description: 'No body: after leaving a private space you no longer see it.',
        params: idParams,
        response: none,
      },
    },
    async (req, reply) => {
      await leaveSpace(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/spaces/:id/members',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "A space's members",
        description: 'Moderators also see invitations and suspensions.',
        params: idParams,
        querystring: memberQuery,
        response: { 200: pageOf(spaceMemberSchema) },
      },
    },
    async (req) => listMembers(db, req.ctx, req.params.id, req.query),
  );
  r.post(
    '/spaces/:id/members',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Invite people into a space (moderators)',
        description:
          'Each id must be one `/spaces/{id}/invitable` offers (or already in the space, which changes nothing); any other answers 400 naming the field, as an id that does not exist.',
        params: idParams,
        body: inviteMembersBody,
        response: { 200: items(spaceMemberSchema) },
      },
    },
    async (req) => inviteMembers(db, req.ctx, mailer, site, req.params.id, req.body),
  );
  r.put(
    '/spaces/:id/members/:userId/role',
    {
      config: { access: 'spaces:manage' },
      schema: {
        tags,
        summary: 'Make a member a moderator, or a moderator a member (vendor)',
        params: spaceUserParams,
        body: memberRoleBody,
        response: { 200: spaceMemberSchema },
      },
    },
    async (req) => setMemberRole(db, req.ctx, mailer, site, req.params.id, req.params.userId, req.body.role),
  );
  r.post(
    '/spaces/:id/members/:userId/suspend',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Suspend a member from the space (moderators)',
        description:
          "A suspended member still reads but no longer posts, comments or reacts here. A partner moderator acts on people the space shows them (its members and its posts' and comments' authors); anyone else answers 404.",
        params: spaceUserParams,
        body: suspendMemberBody,
        response: { 200: spaceMemberSchema },
      },
    },
    async (req) =>
      suspendMember(db, req.ctx, mailer, site, req.params.id, req.params.userId, req.body.reason, true),
  );
  r.post(
    '/spaces/:id/members/:userId/reinstate',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Lift a suspension (moderators)',
        params: spaceUserParams,
        response: { 200: spaceMemberSchema },
      },
    },
    async (req) => suspendMember(db, req.ctx, mailer, site, req.params.id, req.params.userId, null, false),
  );
  r.get(
    '/spaces/:id/mentionable',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'People who may be @mentioned in a space (for the composer)',
        description:
          'People listed in the member directory who may read the space. Posts, comments and the preview link and notify exactly these; any other mention stays plain text.',
        params: idParams,
        querystring: mentionQuery,
        response: { 200: items(z.object({ id: z.string(), name: z.string() })) },
      },
    },
    async (req) => mentionable(db, req.ctx, req.params.id, req.query.q),
  );
  r.get(
    '/spaces/:id/invitable',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'People a moderator may invite into the space (for the invite picker)',
        description:
          'Not yet members, within the segment of a segment space. A partner moderator finds its own colleagues and people listed in the member directory; vendor staff find everyone.',
        params: idParams,
        querystring: mentionQuery,
        response: { 200: items(z.object({ id: z.string(), name: z.string() })) },
      },
    },
    async (req) => invitable(db, req.ctx, req.params.id, req.query.q),
  );
  r.get(
    '/spaces/:id/moderation',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "The space's moderation trail (moderators)",
        params: idParams,
        querystring: paginationQuery,
        response: { 200: pageOf(moderationEntrySchema) },
      },
    },
    async (req) => moderationLog(db, req.ctx, req.params.id, req.query),
  );

  // --- Posts ---
  r.get(
    '/spaces/:id/posts',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "A space's feed",
        description: 'Pinned posts first, then by latest activity (a new comment lifts a post).',
        params: idParams,
        querystring: postListQuery,
        response: { 200: pageOf(postSchema) },
      },
    },
    async (req) => listPosts(db, req.ctx, req.params.id, req.query),
  );
  r.post(
    '/spaces/:id/posts',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Post in a space (members who joined; the vendor anywhere)',
        description:
          'Markdown, rendered to sanitized HTML. Mentioned members who may read the space are notified. At most 10 posts per 10 minutes per person (429 with Retry-After).',
        params: idParams,
        body: createPostBody,
        response: { 201: postSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createPost(db, req.ctx, mailer, site, req.params.id, req.body)),
  );
  r.post(
    '/community/preview',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "Render Markdown exactly as a post would show it (the composer's preview)",
        querystring: previewQuery,
        body: previewBody,
        response: { 200: previewSchema },
      },
    },
    async (req) => previewMarkdown(db, req.ctx, req.body.body, req.query.spaceId),
  );
  r.get(
    '/posts/:id',
    {
      config: { access: 'community:read' },
      schema: { tags, summary: 'A post', params: idParams, response: { 200: postSchema } },
    },
    async (req) => getPost(db, req.ctx, req.params.id),
  );
  r.patch(
    '/posts/:id',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Edit your post (the previous text is kept in its history)',
        params: idParams,
        body: updatePostBody,
        response: { 200: postSchema },
      },
    },
    async (req) => updatePost(db, req.ctx, mailer, site, req.params.id, req.body),
  );
  r.delete(
    '/posts/:id',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Delete a post (its author or a moderator); kept for the moderators',
        params: idParams,
        response: none,
      },
    },
    async (req, reply) => {
      await deletePost(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/posts/:id/revisions',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "A post's earlier texts, newest first",
        params: idParams,
        response: { 200: items(revisionSchema) },
      },
    },
    async (req) => listRevisions(db, req.ctx, 'post', req.params.id),
  );
  const postVerbs: Record<Exclude<PostVerb, 'hide'>, string> = {
    pin: 'Pin a post to the top of its space (moderators)',
    unpin: 'Unpin a post (moderators)',
    lock: 'Lock a thread: no new comments or edits (moderators)',
    unlock: 'Unlock a thread (moderators)',
    unhide: 'Show a hidden post again (moderators)',
  };
  for (const [verb, summary] of Object.entries(postVerbs) as [Exclude<PostVerb, 'hide'>, string][]) {
    r.post(
      `/posts/:id/${verb}`,
      {
        config: { access: 'community:participate' },
        schema: { tags, summary, params: idParams, response: { 200: postSchema } },
      },
      async (req) => moderatePost(db, req.ctx, mailer, site, req.params.id, verb, null),
    );
  }
  r.post(
    '/posts/:id/hide',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Hide a post from the space (moderators); its author is told why',
        params: idParams,
        body: moderationReasonBody,
        response: { 200: postSchema },
      },
    },
    async (req) => moderatePost(db, req.ctx, mailer, site, req.params.id, 'hide', req.body.reason),
  );

  // --- Comments ---
  r.get(
    '/posts/:id/comments',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "A post's comments, oldest first (threads by parentId)",
        description:
          'Hidden and deleted comments stay as placeholders without their text, so threads keep their shape.',
        params: idParams,
        querystring: paginationQuery,
        response: { 200: pageOf(commentSchema) },
      },
    },
    async (req) => listComments(db, req.ctx, req.params.id, req.query),
  );
  r.post(
    '/posts/:id/comments',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Comment on a post, or reply to a comment',
        description:
          'The post author, the replied-to author and mentioned members are notified. At most 40 comments per 10 minutes per person.',
        params: idParams,
        body: createCommentBody,
        response: { 201: commentSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createComment(db, req.ctx, mailer, site, req.params.id, req.body)),
  );
  r.patch(
    '/comments/:id',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Edit your comment (the previous text is kept)',
        params: idParams,
        body: updateCommentBody,
        response: { 200: commentSchema },
      },
    },
    async (req) => updateComment(db, req.ctx, mailer, site, req.params.id, req.body),
  );
  r.delete(
    '/comments/:id',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Delete a comment (its author or a moderator)',
        params: idParams,
        response: none,
      },
    },
    async (req, reply) => {
      await deleteComment(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/comments/:id/revisions',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "A comment's earlier texts, newest first",
        params: idParams,
        response: { 200: items(revisionSchema) },
      },
    },
    async (req) => listRevisions(db, req.ctx, 'comment', req.params.id),
  );
  r.post(
    '/comments/:id/hide',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Hide a comment (moderators); its author is told why',
        params: idParams,
        body: moderationReasonBody,
        response: { 200: commentSchema },
      },
    },
    async (req) => moderateComment(db, req.ctx, mailer, site, req.params.id, 'hide', req.body.reason),
  );
  r.post(
    '/comments/:id/unhide',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Show a hidden comment again (moderators)',
        params: idParams,
        response: { 200: commentSchema },
      },
    },
    async (req) => moderateComment(db, req.ctx, mailer, site, req.params.id, 'unhide', null),
  );

  // --- Reactions ---
  for (const target of ['post', 'comment'] as const) {
    const schema = target === 'post' ? postSchema : commentSchema;
    r.post(
      `/${target}s/:id/reactions`,
      {
        config: { access: 'community:participate' },
        schema: {
          tags,
          summary: `React to a ${target} (once per kind)`,
          params: idParams,
          body: reactBody,
          response: { 200: schema },
        },
      },
      async (req) => react(db, req.ctx, target, req.params.id, req.body.kind, true),
    );
    r.delete(
      `/${target}s/:id/reactions/:kind`,
      {
        config: { access: 'community:participate' },
        schema: {
          tags,
          summary: `Take back your reaction to a ${target}`,
          params: reactionParams,
          response: { 200: schema },
        },
      },
      async (req) => react(db, req.ctx, target, req.params.id, req.params.kind, false),
    );
  }

  // --- Moderation queue ---
  r.post(
    '/reports',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: "Report a post or comment to the space's moderators",
        body: reportBody,
        response: { 201: reportSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await reportContent(db, req.ctx, mailer, site, req.body)),
  );
  r.get(
    '/reports',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'The moderation queue: reports in the spaces you moderate',
        description: 'Vendor admins and channel managers see every space; others only those they moderate.',
        querystring: reportListQuery,
        response: { 200: pageOf(reportSchema) },
      },
    },
    async (req) => listReports(db, req.ctx, req.query),
  );
  r.post(
    '/reports/:id/resolve',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Close a report: resolved (action taken) or dismissed',
        params: idParams,
        body: resolveReportBody,
        response: { 200: reportSchema },
      },
    },
    async (req) => resolveReport(db, req.ctx, req.params.id, req.body),
  );

  // --- Announcements ---
  r.get(
    '/announcements',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'Announcements for you, newest first',
        description:
          'Partners see those whose segment includes their organization; vendor staff see all, with read receipts.',
        querystring: announcementListQuery,
        response: { 200: pageOf(announcementSchema) },
      },
    },
    async (req) => listAnnouncements(db, req.ctx, req.query),
  );
  r.post(
    '/announcements',
    {
      config: { access: 'announcements:manage' },
      schema: {
        tags,
        summary: 'Broadcast an announcement to every partner or a segment (vendor)',
        description:
          'Everyone in the segment is notified (and e-mailed unless they turned announcements off).',
        body: createAnnouncementBody,
        response: { 201: announcementSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createAnnouncement(db, req.ctx, mailer, site, req.body)),
  );
  r.get(
    '/announcements/:id',
    {
      config: { access: 'community:read' },
      schema: { tags, summary: 'An announcement', params: idParams, response: { 200: announcementSchema } },
    },
    async (req) => getAnnouncement(db, req.ctx, req.params.id),
  );
  r.post(
    '/announcements/:id/read',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'Mark an announcement read (a read receipt)',
        params: idParams,
        response: { 200: announcementSchema },
      },
    },
    async (req) => markAnnouncementRead(db, req.ctx, req.params.id),
  );
  r.get(
    '/announcements/:id/receipts',
    {
      config: { access: 'announcements:manage' },
      schema: {
        tags,
        summary: 'Who read an announcement, and when (vendor)',
        params: idParams,
        querystring: paginationQuery,
        response: { 200: pageOf(receiptSchema) },
      },
    },
    async (req) => listReceipts(db, req.ctx, req.params.id, req.query),
  );

  // --- Events ---
  r.get(
    '/events',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'Webinars and meetups for you',
        description: 'upcoming: not yet over, soonest first; past: most recent first.',
        querystring: eventListQuery,
        response: { 200: pageOf(eventSchema) },
      },
    },
    async (req) => listEvents(db, req.ctx, req.query),
  );
  r.post(
    '/events',
    {
      config: { access: 'events:manage' },
      schema: {
        tags,
        summary: 'Schedule an event (vendor)',
        body: createEventBody,
        response: { 201: eventSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createCommunityEvent(db, req.ctx, req.body)),
  );
  r.get(
    '/events/:id',
    {
      config: { access: 'community:read' },
      schema: { tags, summary: 'An event', params: idParams, response: { 200: eventSchema } },
    },
    async (req) => getEvent(db, req.ctx, req.params.id),
  );
  r.patch(
    '/events/:id',
    {
      config: { access: 'events:manage' },
      schema: {
        tags,
        summary: 'Change an event (vendor); those going are told when it moves',
        params: idParams,
        body: updateEventBody,
        response: { 200: eventSchema },
      },
    },
    async (req) => updateEvent(db, req.ctx, mailer, site, req.params.id, req.body),
  );
  r.post(
    '/events/:id/cancel',
    {
      config: { access: 'events:manage' },
      schema: {
        tags,
        summary: 'Cancel an event (vendor); everyone who answered is told',
        params: idParams,
        response: { 200: eventSchema },
      },
    },
    async (req) => cancelEvent(db, req.ctx, mailer, site, req.params.id),
  );
  r.post(
    '/events/:id/rsvp',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Answer an invitation: going (waitlisted when full) or cancelled',
        description: 'A seat freed by a cancellation goes to the first on the waitlist, who is told.',
        params: idParams,
        body: rsvpBody,
        response: { 200: eventSchema },
      },
    },
    async (req) => rsvp(db, req.ctx, mailer, site, req.params.id, req.body.status),
  );
  r.get(
    '/events/:id/attendees',
    {
      config: { access: 'events:manage' },
      schema: {
        tags,
        summary: 'Who answered, with waitlist order and attendance (vendor)',
        params: idParams,
        querystring: paginationQuery,
        response: { 200: pageOf(attendeeSchema) },
      },
    },
    async (req) => listAttendees(db, req.ctx, req.params.id, req.query),
  );
  r.post(
    '/events/:id/attendance',
    {
      config: { access: 'events:manage' },
      schema: {
        tags,
        summary: 'Mark who attended (vendor); attendance counts toward engagement',
        params: idParams,
        body: attendanceBody,
        response: { 200: eventSchema },
      },
    },
    async (req) => markAttendance(db, req.ctx, req.params.id, req.body),
  );
  r.get(
    '/events/:id/ics',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'The event as an iCalendar (.ics) file',
        params: idParams,
        produces: ['text/calendar'],
      },
    },
    async (req, reply) => {
      const { ics, fileName } = await eventIcs(db, req.ctx, site, req.params.id);
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      return reply.type('text/calendar; charset=utf-8').send(ics);
    },
  );

  // --- Member directory ---
  r.get(
    '/members',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'The member directory: people who opted in',
        querystring: memberListQuery,
        response: { 200: pageOf(memberSchema) },
      },
    },
    async (req) => listDirectory(db, req.ctx, req.query),
  );
  r.get(
    '/members/:id',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "A member's directory entry",
        params: idParams,
        response: { 200: memberSchema },
      },
    },
    async (req) => getMember(db, req.ctx, req.params.id),
  );
  r.post(
    '/members/:id/introduce',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Introduce me: both of you are notified, with each other’s names and a link',
        params: idParams,
        body: introduceBody,
        response: { 200: memberSchema },
      },
    },
    async (req) => introduce(db, req.ctx, mailer, site, req.params.id, req.body.message),
  );
  r.get(
    '/me/member-profile',
    {
      config: { access: 'community:read' },
      schema: { tags, summary: 'Your directory entry', response: { 200: memberProfileSchema } },
    },
    async (req) => getMemberProfile(db, req.ctx),
  );
  r.put(
    '/me/member-profile',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Opt in to (or out of) the directory and say what you know',
        body: updateMemberProfileBody,
        response: { 200: memberProfileSchema },
      },
    },
    async (req) => updateMemberProfile(db, req.ctx, req.body),
  );

  // --- Notifications ---
  r.get(
    '/notifications',
    {
      config: { access: 'notifications:read' },
      schema: {
        tags,
        summary: 'Your notifications, newest first, with the unread count',
        querystring: notificationListQuery,
        response: { 200: notificationPageSchema },
      },
    },
    async (req) => listNotifications(db, req.ctx, req.query),
  );
  r.get(
    '/notifications/unread-count',
    {
      config: { access: 'notifications:read' },
      schema: {
        tags,
        summary: 'How many notifications are unread (for the bell)',
        response: { 200: unreadCountSchema },
      },
    },
    async (req) => ({ unread: await unreadCount(db, req.ctx) }),
  );
  r.post(
    '/notifications/read-all',
    {
      config: { access: 'notifications:read' },
      schema: { tags, summary: 'Mark every notification read', response: { 200: unreadCountSchema } },
    },
    async (req) => markAllRead(db, req.ctx),
  );
  r.get(
    '/notifications/settings',
    {
      config: { access: 'notifications:read' },
      schema: {
        tags,
        summary: 'Which notifications you also get by e-mail',
        response: { 200: notificationSettingsSchema },
      },
    },
    async (req) => getNotificationSettings(db, req.ctx),
  );
  r.put(
    '/notifications/settings',
    {
      config: { access: 'notifications:read' },
      schema: {
        tags,
        summary: 'Choose e-mail per kind, and the daily digest',
        body: updateNotificationSettingsBody,
        response: { 200: notificationSettingsSchema },
      },
    },
    async (req) => updateNotificationSettings(db, req.ctx, req.body),
  );
  r.post(
    '/notifications/:id/read',
    {
      config: { access: 'notifications:read' },
      schema: {
        tags,
        summary: 'Mark a notification read',
        params: idParams,
        response: { 200: notificationSchema },
      },
    },
    async (req) => markRead(db, req.ctx, req.params.id),
  );
}
