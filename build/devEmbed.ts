// In the dev server, /embed.js is the client's source (the build writes it as
// a file), so public/embed-example.html works with `npm start` too.
import type { Plugin } from 'vite';

export function devEmbedClient(): Plugin {
  return {
    name: 'backprop-dense:dev-embed-client',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === '/embed.js') req.url = '/src/embed/client.ts';
        next();
      });
    },
  };
}
