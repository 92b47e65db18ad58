import type { DrawingMessage } from './present/drawing';
import type { RemoteClock, RemoteStatus, RemoteStep } from './present/remote';

/**
 * The phone remote, as the presenter's windows see it (serve mode over HTTP, the app over IPC). The speaker view
 * turns it on and off and reports its clock; the presentation windows take the phone's steps and
 * show its laser.
 */
export interface RemoteApi {
  remoteStatus(): Promise<RemoteStatus>;
  /** Turns the remote on (listening on the network, with a new token) or off (its token revoked). */
  setRemote(on: boolean): Promise<RemoteStatus>;
  /** Calls `listener` on each press of the phone's Next or Previous; returns an unsubscribe. */
  onRemoteStep(listener: (step: RemoteStep) => void): () => void;
  /** Calls `listener` with the phone's laser pointer; returns an unsubscribe. */
  onRemoteLaser(listener: (message: DrawingMessage) => void): () => void;
  /** Tells the phone what the speaker view's clock reads. */
  sendClock(clock: RemoteClock): void;
}
