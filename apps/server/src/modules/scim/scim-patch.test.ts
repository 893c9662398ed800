import { describe, expect, it } from 'vitest';
import { matches, parseFilter } from './scim-filter';
import { applyPatch, readResource } from './scim-patch';
import { groupSchema, userSchema } from './scim-schemas';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('SCIM filters', () => {
  it('reads precedence, grouping, not, value paths and URN attribute names', () => {
    expect(parseFilter('a eq "1" or b eq "2" and c pr')).toMatchObject({
      kind: 'or',
      right: { kind: 'and', right: { kind: 'present' } },
    });
    expect(parseFilter('not (userName sw "x") and (active eq true)')).toMatchObject({
      kind: 'and',
      left: { kind: 'not' },
      right: { kind: 'compare', value: true },
    });
    expect(parseFilter('emails[type eq "work" and value co "@x"]')).toMatchObject({ kind: 'valuePath' });
    expect(parseFilter(`${ENTERPRISE}:manager.value eq "m"`)).toMatchObject({
      path: { schema: ENTERPRISE, attr: 'manager', sub: 'value' },
    });
    expect(parseFilter('userName EQ "A\\"b"')).toMatchObject({ op: 'eq', value: 'A"b' });
  });

  it('refuses what it cannot read with invalidFilter', () => {
    for (const bad of [
      '',
      'userName',
      'userName eq',
      'userName eq "x',
      '(a eq "1"',
      'a eq "1")',
      'a zz 1',
      'a eq b',
    ])
      expect(() => parseFilter(bad), bad).toThrow(
        expect.objectContaining({ extra: { scimType: 'invalidFilter' } }),
      );
  });

  it('matches JSON case-insensitively, as value filters in PATCH paths need', () => {
    const email = { type: 'Work', value: 'A@X.test' };
    expect(matches(parseFilter('type eq "work" and value ew "x.test"'), email)).toBe(true);
    expect(matches(parseFilter('type eq "home" or not (value pr)'), email)).toBe(false);
  });
});

describe('SCIM PATCH', () => {
  const base = {
    userName: 'a@x.test',
    active: true,
    emails: [{ type: 'work', value: 'a@x.test', primary: true }],
  };

  it("applies Okta's value object and Entra's capitalised ops, string booleans and URN paths", () => {
    expect(applyPatch(base, [{ op: 'replace', value: { active: false } }], userSchema).active).toBe(false);
    const doc = applyPatch(
      base,
      [
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'Add', path: 'name.givenName', value: 'Ada' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'b@x.test' },
        { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1' },
        { op: 'Add', path: `${ENTERPRISE}:department`, value: 'Sales' },
        { op: 'Add', value: { 'name.familyName': 'Lovelace', [ENTERPRISE]: { costCenter: 'C1' } } },
      ],
      userSchema,
    );
    expect(doc).toEqual({
      userName: 'a@x.test',
      active: false,
      emails: [{ type: 'work', value: 'b@x.test', primary: true }],
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      phoneNumbers: [{ type: 'mobile', value: '+1' }],
      [ENTERPRISE]: { department: 'Sales', costCenter: 'C1' },
    });
    expect(base.active).toBe(true);
  });

  it('adds and removes group members by value filter and by value list, without duplicates', () => {
    const group = { displayName: 'G', members: [{ value: 'u1' }] };
    const added = applyPatch(
      group,
      [{ op: 'add', path: 'members', value: [{ value: 'u1' }, { value: 'u2', display: 'Two' }] }],
      groupSchema,
    );
    expect(added.members).toEqual([{ value: 'u1' }, { value: 'u2' }]);
    expect(
      applyPatch(added, [{ op: 'remove', path: 'members[value eq "u1"]' }], groupSchema).members,
    ).toEqual([{ value: 'u2' }]);
    expect(
      applyPatch(added, [{ op: 'Remove', path: 'members', value: [{ value: 'u2' }] }], groupSchema).members,
    ).toEqual([{ value: 'u1' }]);
    expect(applyPatch(added, [{ op: 'remove', path: 'members' }], groupSchema).members).toBeUndefined();
  });

  it('names the problem: invalidPath, noTarget, mutability, invalidValue', () => {
    const fails = (ops: Parameters<typeof applyPatch>[1]) => {
      try {
        applyPatch(base, ops, userSchema);
      } catch (e) {
        return (e as { extra: { scimType: string } }).extra.scimType;
      }
      return 'accepted';
    };
    expect(fails([{ op: 'replace', path: 'shoeSize', value: 1 }])).toBe('invalidPath');
    expect(fails([{ op: 'replace', path: 'urn:example:custom:User:x', value: 1 }])).toBe('invalidPath');
    expect(fails([{ op: 'remove' }])).toBe('noTarget');
    expect(fails([{ op: 'remove', path: 'userName' }])).toBe('mutability');
    expect(fails([{ op: 'replace', path: 'groups', value: [] }])).toBe('mutability');
    expect(fails([{ op: 'replace', path: 'active', value: 'maybe' }])).toBe('invalidValue');
    expect(
      fails([{ op: 'replace', path: 'emails[type eq "work" or type eq "home"].nope', value: 'x' }]),
    ).toBe('invalidPath');
  });

  it('reads POST and PUT bodies: read-only attributes ignored, unknown ones refused, keys in any case', () => {
    expect(
      readResource(
        { id: 'x', meta: {}, schemas: [], groups: [], UserName: 'a@x.test', ACTIVE: 'true' },
        userSchema,
      ),
    ).toEqual({
      userName: 'a@x.test',
      active: true,
    });
    expect(() => readResource({ userName: 'a@x.test', role: 'admin' }, userSchema)).toThrow(/role/);
    expect(() => readResource({ userName: 'a@x.test', name: { isAdmin: true } }, userSchema)).toThrow(
      /name.isAdmin/,
    );
  });
});
