// A server command for what a page cannot do to itself: shrink its storage quota, so that
// IndexedDB throws a real QuotaExceededError.
async function cdp(session) {
  const page = session.browser.getPage(session.id);
  return page.createCDPSession();
}

export function browserControlPlugin() {
  return {
    name: 'browser-control',
    async executeCommand({ command, payload, session }) {
      if (command === 'set-storage-quota') {
        const client = await cdp(session);
        const origin = new URL(session.browser.getPage(session.id).url()).origin;
        // quotaSize undefined restores the default quota.
        await client.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: payload?.bytes });
        await client.detach();
        return true;
      }
      return undefined;
    },
  };
}
