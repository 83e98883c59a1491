// Asking the browser to keep our data, and how much we use.

/** Asks for persistent storage once something worth keeping exists. Never throws. */
export async function requestPersistence(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}

export interface StorageReport {
  persistent: boolean | undefined;
  usage: number | undefined;
  quota: number | undefined;
}

/** Whether storage is persistent and how much is used, where the browser says. */
export async function storageReport(): Promise<StorageReport> {
  try {
    const [persistent, estimate] = await Promise.all([
      navigator.storage?.persisted?.(),
      navigator.storage?.estimate?.(),
    ]);
    return { persistent, usage: estimate?.usage, quota: estimate?.quota };
  } catch {
    return { persistent: undefined, usage: undefined, quota: undefined };
  }
}
