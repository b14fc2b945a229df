/** The API benchmark's ceiling: a bare Express `GET /health` in a process of its own (like the API's); reports its URL over IPC. */
import { startCeilingServer } from './api-load';

startCeilingServer()
  .then((server) => {
    process.send?.({ type: 'ready', url: server.url });
    process.on('disconnect', () => void server.close().then(() => process.exit(0)));
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
