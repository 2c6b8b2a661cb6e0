import type { DataSource } from '../../ui/data-source';
import { coalesce } from '../coalesce';
import type { BodyCollector } from './collector';
import { attachBodies } from './match';

/** The capture as the panel shows it: each entry with the body DevTools read for it, when there is one. */
export function withBodies(source: DataSource, collector: BodyCollector): DataSource {
  return {
    ...source,
    load: async () => attachBodies(await source.load(), collector.bodies(), source.inspectedTabId),
    ...(source.loadSamlFirst
      ? {
          loadSamlFirst: async () => {
            const first = await source.loadSamlFirst?.();
            return first && attachBodies(first, collector.bodies(), source.inspectedTabId);
          },
        }
      : {}),
    subscribe(onChange) {
      const offCapture = source.subscribe(onChange);
      const notify = coalesce(onChange, 300, 1500);
      const offBodies = collector.subscribe(() => notify.schedule());
      return () => {
        notify.cancel();
        offBodies();
        offCapture();
      };
    },
  };
}
