/** The extension origin's IndexedDB, one object store per database: opened once, used one transaction at a time. */

/** One transaction on the store; resolves with what `work` gathered, once the transaction is committed. */
export type Transact = <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => () => T) => Promise<T>;

export function objectStore(factory: IDBFactory, dbName: string, storeName: string): Transact {
  let opening: Promise<IDBDatabase> | null = null;
  const db = () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(dbName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }).catch((error: unknown) => {
      // A failed open is tried again next time.
      opening = null;
      throw error;
    });
    return opening;
  };
  return async (mode, work) => {
    const transaction = (await db()).transaction(storeName, mode);
    const result = work(transaction.objectStore(storeName));
    return new Promise((resolve, reject) => {
      transaction.oncomplete = () => resolve(result());
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  };
}
