// The community (issue #8): spaces, posts and comments, moderation, announcements, events and the
// member directory, one file per part under community/; screens import from here.
export * from './community/base';
export * from './community/spaces';
export * from './community/posts';
export * from './community/moderation';
export * from './community/events';
export * from './community/members';
