// Calls a running GraphAttn server with @grpc/grpc-js, loading the service definitions straight from protos/,
// and prints one JSON document of what came back. The .NET test compares it with its own calls.
// Usage: node client.mjs <host:port> <protos root> <user id> [more include dirs: the google/api protos]
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import path from 'node:path';

const [address, protoRoot, userId, ...moreIncludes] = process.argv.slice(2);
const files = ['recommendation.proto', 'profile.proto', 'events.proto', 'admin.proto']
  .map((f) => path.join('graphattn', 'v1', f));
const definition = protoLoader.loadSync(files, {
  includeDirs: [protoRoot, ...moreIncludes],
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
});
const v1 = grpc.loadPackageDefinition(definition).graphattn.v1;
const insecure = grpc.credentials.createInsecure();
const recs = new v1.RecommendationService(address, insecure);
const profiles = new v1.ProfileService(address, insecure);
const events = new v1.EventService(address, insecure);
const admin = new v1.AdminService(address, insecure);

const deadline = () => new Date(Date.now() + 15000);
const call = (client, method, request) =>
  new Promise((resolve) => {
    client[method](request, { deadline: deadline() }, (error, response) => {
      if (error) {
        const details = error.metadata?.get('grpc-status-details-bin')?.[0];
        resolve({ error: { code: error.code, details: error.details, statusBin: details ? Buffer.from(details).toString('base64') : null } });
      } else {
        resolve({ response });
      }
    });
  });

const out = {};
out.info = await call(admin, 'GetServiceInfo', {});
out.content = await call(recs, 'RecommendContent', { user_id: userId, limit: 5, explain: true });
out.friends = await call(recs, 'RecommendFriends', { user_id: userId, limit: 5, explain: true });
out.profile = await call(profiles, 'GetUserProfile', { user_id: userId });
out.badLimit = await call(recs, 'RecommendContent', { user_id: userId, limit: 0 });
out.unknownUser = await call(recs, 'RecommendContent', { user_id: 'no-such-user', limit: 5 });
const top = out.content.response?.items?.[0]?.content_id;
out.recorded = await call(events, 'RecordInteraction', { user_id: userId, content_id: top, kind: 'INTERACTION_KIND_LIKE' });
out.contentAfter = await call(recs, 'RecommendContent', { user_id: userId, limit: 5 });
process.stdout.write(JSON.stringify(out));
for (const client of [recs, profiles, events, admin]) client.close();
