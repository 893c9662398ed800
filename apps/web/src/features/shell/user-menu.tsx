import { lazy, Suspense, useState } from 'react';
import { UserMenuTrigger } from './user-menu-trigger';

// The menu, its floating layer and the two dialogs it opens (~20 KB gzip with what they share) are not part
// of the signed-in frame: most screens are used without opening them. Pointing at or focusing the button
// starts the download; pressing it shows the menu as soon as it is there.
const loadDropdown = () => import('./user-menu-dropdown');
const UserMenuDropdown = lazy(() => loadDropdown().then((m) => ({ default: m.UserMenuDropdown })));
const preload = () => {
  loadDropdown().catch(() => undefined);
};

export function UserMenu() {
  const [wanted, setWanted] = useState(false);
  const placeholder = (
    <UserMenuTrigger
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={() => setWanted(true)}
    />
  );
  return wanted ? (
    <Suspense fallback={placeholder}>
      <UserMenuDropdown />
    </Suspense>
  ) : (
    placeholder
  );
}
