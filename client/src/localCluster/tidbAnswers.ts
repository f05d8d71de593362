// The MySQL-protocol probe of a new local cluster: here, beside the driver, not in the Kubernetes bundle.
import { connect } from '../connections/driver';

/** True when TiDB accepts root without a password on 127.0.0.1:port (a fresh local cluster). */
export async function tidbAnswersOn(port: number): Promise<boolean> {
  try {
    const c = await connect({ id: 'probe', name: 'probe', host: '127.0.0.1', port, user: 'root', tls: 'off' }, '', 3000);
    await c.end();
    return true;
  } catch {
    return false;
  }
}
