// Drives Glimpse's Mastodon client API with masto.js, a maintained Mastodon client library, as a
// third-party app would: register an app, log in (authorization code with PKCE, password grant,
// sign-up with an app token), then every endpoint family, pagination through the Link header, a
// media upload until it is processed, and the streaming API over WebSocket with masto's streaming
// client (in Node it uses the `ws` package, a dependency of masto). GLIMPSE_URL names the running
// server (scripts/test-mastodon-clients.sh starts the jar on a free port).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient, MastoHttpError } from "masto";
import { png } from "./png.js";

const url = process.env.GLIMPSE_URL ?? "http://127.0.0.1:8080";
const REDIRECT = "http://127.0.0.1/callback";
const PASSWORD = "correct horse battery";
const suffix = randomUUID().slice(0, 8);

const anonymous = createRestAPIClient({ url });
const oauth = createOAuthAPIClient({ url });
const state = {};

function client(accessToken) {
  return createRestAPIClient({ url, accessToken, mediaTimeout: 30_000 });
}

async function eventually(check, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Reads a masto subscription one event at a time, failing after timeoutMs without losing the event
 * on its way. Starts iterating at once: masto sends the subscription when its iteration starts.
 */
function reader(subscription) {
  const iterator = subscription[Symbol.asyncIterator]();
  let pending = iterator.next();
  return async (timeoutMs = 10_000) => {
    pending ??= iterator.next();
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no streaming event within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const { value } = await Promise.race([pending, timeout]);
      pending = undefined;
      return value;
    } finally {
      clearTimeout(timer);
    }
  };
}

async function collect(paginator) {
  const all = [];
  for await (const page of paginator) all.push(...page);
  return all;
}

test("the Mastodon client API, driven by masto.js", async (t) => {
  await t.test("instance documents", async () => {
    const v2 = await anonymous.v2.instance.fetch();
    assert.match(v2.version, /^4\.\d+\.\d+ \(compatible; Glimpse/);
    assert.equal(v2.configuration.statuses.maxMediaAttachments, 10);
    const v1 = await anonymous.v1.instance.fetch();
    assert.equal(typeof v1.stats.userCount, "number");
    assert.deepEqual(await anonymous.v1.customEmojis.list(), []);
    const links = await (await fetch(`${url}/.well-known/nodeinfo`)).json();
    const nodeinfo = await (await fetch(links.links[0].href)).json();
    assert.equal(nodeinfo.software.name, "glimpse");
    const metadata = await (await fetch(`${url}/.well-known/oauth-authorization-server`)).json();
    assert.deepEqual(metadata.code_challenge_methods_supported, ["S256"]);
  });

  await t.test("app registration and sign-up with an app token", async () => {
    state.app = await anonymous.v1.apps.create({
      clientName: "masto.js test", redirectUris: REDIRECT, scopes: "read write follow push",
      website: "https://example.com",
    });
    assert.ok(state.app.clientId && state.app.clientSecret);
    const appToken = await oauth.token.create({
      grantType: "client_credentials", clientId: state.app.clientId, clientSecret: state.app.clientSecret,
      redirectUri: REDIRECT, scope: "read write follow",
    });
    const asApp = client(appToken.accessToken);
    assert.equal((await asApp.v1.apps.verifyCredentials()).name, "masto.js test");
    for (const name of ["alice", "bob"]) {
      const username = `${name}_${suffix}`;
      const token = await asApp.v1.accounts.create({
        username, email: `${username}@example.com`, password: PASSWORD, agreement: true, locale: "en",
      });
      state[name] = { username, token: token.accessToken };
    }
    const me = await client(state.alice.token).v1.accounts.verifyCredentials();
    assert.equal(me.username, state.alice.username);
  });

  await t.test("OAuth: the login page with PKCE, the password grant, refresh and revoke", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const params = new URLSearchParams({
      response_type: "code", client_id: state.app.clientId, redirect_uri: REDIRECT, scope: "read write follow",
      state: "s1", code_challenge: challenge, code_challenge_method: "S256",
    });
    const page = await fetch(`${url}/oauth/authorize?${params}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<form/);
    const login = new URLSearchParams(params);
    login.set("login", state.alice.username);
    login.set("password", PASSWORD);
    const redirect = await fetch(`${url}/oauth/authorize`, { method: "POST", body: login, redirect: "manual" });
    assert.equal(redirect.status, 302);
    const location = new URL(redirect.headers.get("location"));
    assert.equal(location.searchParams.get("state"), "s1");
    const token = await oauth.token.create({
      grantType: "authorization_code", clientId: state.app.clientId, clientSecret: state.app.clientSecret,
      redirectUri: REDIRECT, code: location.searchParams.get("code"), codeVerifier: verifier,
    });
    assert.equal(token.scope, "follow read write");
    state.alice.token = token.accessToken;
    assert.equal((await client(token.accessToken).v1.accounts.verifyCredentials()).username, state.alice.username);

    const bobToken = await oauth.token.create({
      grantType: "password", clientId: state.app.clientId, clientSecret: state.app.clientSecret,
      redirectUri: REDIRECT, username: state.bob.username, password: PASSWORD, scope: "read write follow",
    });
    const refreshed = await oauth.token.create({
      grantType: "refresh_token", clientId: state.app.clientId, clientSecret: state.app.clientSecret,
      redirectUri: REDIRECT, refreshToken: bobToken.refreshToken,
    });
    assert.notEqual(refreshed.accessToken, bobToken.accessToken);
    state.bob.token = refreshed.accessToken;

    const throwaway = await oauth.token.create({
      grantType: "password", clientId: state.app.clientId, clientSecret: state.app.clientSecret,
      redirectUri: REDIRECT, username: state.bob.username, password: PASSWORD,
    });
    await oauth.revoke({ clientId: state.app.clientId, clientSecret: state.app.clientSecret, token: throwaway.accessToken });
    await assert.rejects(client(throwaway.accessToken).v1.accounts.verifyCredentials(),
      (error) => error instanceof MastoHttpError && error.statusCode === 401);
  });

  await t.test("accounts: profile, lookup, follow and relationships", async () => {
    const alice = client(state.alice.token);
    const bob = client(state.bob.token);
    const updated = await alice.v1.accounts.updateCredentials({ displayName: "Alice A.", note: "Photos & more" });
    assert.equal(updated.displayName, "Alice A.");
    assert.equal(updated.source.note, "Photos & more");
    state.alice.id = updated.id;
    state.bob.id = (await bob.v1.accounts.verifyCredentials()).id;
    const found = await bob.v1.accounts.lookup({ acct: state.alice.username });
    assert.equal(found.id, state.alice.id);
    const relationship = await bob.v1.accounts.$select(state.alice.id).follow();
    assert.equal(relationship.following, true);
    const [seen] = await alice.v1.accounts.relationships.fetch({ id: [state.bob.id] });
    assert.equal(seen.followedBy, true);
    const followers = await alice.v1.accounts.$select(state.alice.id).followers.list();
    assert.deepEqual(followers.map((a) => a.id), [state.bob.id]);
    assert.equal((await anonymous.v1.accounts.$select(state.alice.id).fetch()).followersCount, 1);
  });

  await t.test("media: upload, wait until processed, attach to a status", async () => {
    const alice = client(state.alice.token);
    const media = await alice.v2.media.create({
      file: new Blob([png(96, 64)], { type: "image/png" }), description: "A gradient",
    });
    assert.ok(media.url, "masto waits until the attachment has its url");
    assert.ok(media.previewUrl && media.blurhash);
    assert.equal(media.meta.original.width, 96);
    const fetched = await alice.v1.media.$select(media.id).fetch();
    assert.equal(fetched.description, "A gradient");
    const image = await fetch(media.previewUrl);
    assert.equal(image.status, 200);
    const status = await alice.v1.statuses.create(
      { status: "A picture #glimpse", mediaIds: [media.id] },
      { requestInit: { headers: { "Idempotency-Key": `key-${suffix}` } } },
    );
    assert.deepEqual(status.mediaAttachments.map((m) => m.id), [media.id]);
    const again = await alice.v1.statuses.create(
      { status: "A picture #glimpse", mediaIds: [media.id] },
      { requestInit: { headers: { "Idempotency-Key": `key-${suffix}` } } },
    );
    assert.equal(again.id, status.id, "the Idempotency-Key gives back the first status");
    state.picture = status;
  });

  await t.test("statuses: reply, favourite, context, edit, delete", async () => {
    const alice = client(state.alice.token);
    const bob = client(state.bob.token);
    const reply = await bob.v1.statuses.create({ status: "Lovely!", inReplyToId: state.picture.id });
    assert.equal(reply.inReplyToId, state.picture.id);
    const favourited = await bob.v1.statuses.$select(state.picture.id).favourite();
    assert.equal(favourited.favourited, true);
    assert.equal(favourited.favouritesCount, 1);
    const likers = await alice.v1.statuses.$select(state.picture.id).favouritedBy.list();
    assert.deepEqual(likers.map((a) => a.id), [state.bob.id]);
    const context = await anonymous.v1.statuses.$select(state.picture.id).context.fetch();
    assert.deepEqual(context.descendants.map((s) => s.id), [reply.id]);
    const edited = await alice.v1.statuses.$select(state.picture.id).update({ status: "A picture, edited #glimpse" });
    assert.match(edited.content, /edited/);
    const doomed = await alice.v1.statuses.create({ status: "Gone soon" });
    const deleted = await alice.v1.statuses.$select(doomed.id).remove();
    assert.equal(deleted.text, "Gone soon");
    await assert.rejects(anonymous.v1.statuses.$select(doomed.id).fetch(),
      (error) => error instanceof MastoHttpError && error.statusCode === 404 && error.message === "Record not found");
  });

  await t.test("timelines: home page by page through the Link header, public and tag", async () => {
    const alice = client(state.alice.token);
    const bob = client(state.bob.token);
    const made = [];
    for (let i = 0; i < 5; i++) made.unshift((await alice.v1.statuses.create({ status: `Number ${i} #glimpse` })).id);
    const pages = [];
    for await (const page of bob.v1.timelines.home.list({ limit: 2 })) pages.push(page.map((s) => s.id));
    assert.ok(pages.length >= 3, `several pages: ${JSON.stringify(pages)}`);
    assert.ok(pages.every((page) => page.length <= 2));
    const home = pages.flat();
    assert.deepEqual(home.slice(0, 5), made);
    assert.ok(home.includes(state.picture.id));
    assert.equal(new Set(home).size, home.length, "no status twice");
    const publicIds = (await anonymous.v1.timelines.public.list({ limit: 40 })).map((s) => s.id);
    assert.ok(publicIds.includes(made[0]));
    const tagged = await eventually(async () => {
      const ids = (await collect(anonymous.v1.timelines.tag.$select("glimpse").list({ limit: 3 }))).map((s) => s.id);
      assert.ok(made.every((id) => ids.includes(id)), "every tagged status, over several pages");
      return ids;
    });
    assert.ok(tagged.includes(state.picture.id));
    const older = await anonymous.v1.accounts.$select(state.alice.id).statuses.list({ maxId: made[1], limit: 2 });
    assert.deepEqual(older.map((s) => s.id), made.slice(2, 4));
  });

  await t.test("notifications, markers and unread count", async () => {
    const alice = client(state.alice.token);
    // made by their own processor, which a write does not wait for
    await eventually(async () => {
      const types = new Set((await alice.v1.notifications.list()).map((n) => n.type));
      for (const type of ["follow", "favourite", "mention"]) assert.ok(types.has(type), `a ${type} notification`);
    });
    const follows = await alice.v1.notifications.list({ types: ["follow"] });
    assert.deepEqual(follows.map((n) => n.type), ["follow"]);
    assert.equal(follows[0].account.id, state.bob.id);
    const { count } = await alice.v1.notifications.unreadCount.fetch();
    assert.ok(count >= 3);
    await alice.v1.notifications.$select(follows[0].id).dismiss();
    assert.ok(!(await alice.v1.notifications.list()).some((n) => n.id === follows[0].id));
    await alice.v1.notifications.clear();
    assert.deepEqual(await alice.v1.notifications.list(), []);
    const saved = await alice.v1.markers.create({ home: { lastReadId: state.picture.id } });
    assert.equal(saved.home.lastReadId, state.picture.id);
    const markers = await alice.v1.markers.fetch({ timeline: ["home"] });
    assert.equal(markers.home.lastReadId, state.picture.id);
  });

  await t.test("search", async () => {
    const bob = client(state.bob.token);
    const results = await eventually(async () => {
      const found = await bob.v2.search.list({ q: "picture", type: "statuses" });
      assert.ok(found.statuses.some((s) => s.id === state.picture.id));
      return found;
    });
    assert.deepEqual(results.accounts, []);
    const accounts = await bob.v2.search.list({ q: state.alice.username, type: "accounts" });
    assert.deepEqual(accounts.accounts.map((a) => a.id), [state.alice.id]);
    const tags = await bob.v2.search.list({ q: "glimp", type: "hashtags" });
    assert.ok(tags.hashtags.some((tag) => tag.name === "glimpse"));
  });

  await t.test("streaming: the user stream over WebSocket", async () => {
    const alice = client(state.alice.token);
    const bob = client(state.bob.token);
    const instance = await anonymous.v2.instance.fetch();
    assert.match(instance.configuration.urls.streaming, /^ws:\/\//);
    assert.equal(await (await fetch(`${url}/api/v1/streaming/health`)).text(), "OK");
    // masto sends the token as the WebSocket subprotocol, the server must answer with it
    const streaming = createStreamingAPIClient({
      streamingApiUrl: instance.configuration.urls.streaming, accessToken: state.bob.token, retry: 3,
    });
    await streaming.prepare(); // connected
    const subscription = streaming.user.subscribe();
    const next = reader(subscription);
    try {
      // Mastodon does not answer a subscription: bob's own new status shows when it is in place.
      // (It is sent at once on the open socket; the probe is repeated should it still be on its way.)
      const probes = [];
      let event;
      while (!event) {
        probes.push((await bob.v1.statuses.create({ status: `Probe ${probes.length}` })).id);
        try {
          event = await next(5_000);
        } catch (error) {
          if (probes.length === 5) throw error;
        }
      }
      while (!(event.event === "update" && event.payload.id === probes.at(-1))) event = await next();

      const post = await alice.v1.statuses.create({ status: "Streamed to bob's home" });
      event = await next();
      assert.equal(event.event, "update");
      assert.deepEqual(event.stream, ["user"]);
      assert.equal(event.payload.id, post.id);
      assert.equal(event.payload.account.id, state.alice.id);
      assert.match(event.payload.content, /Streamed/);

      await alice.v1.accounts.$select(state.bob.id).follow();
      event = await next();
      assert.equal(event.event, "notification");
      assert.equal(event.payload.type, "follow");
      assert.equal(event.payload.account.id, state.alice.id);

      await alice.v1.statuses.$select(probes.at(-1)).favourite();
      event = await next();
      assert.equal(event.event, "notification");
      assert.equal(event.payload.type, "favourite");
      assert.equal(event.payload.status.id, probes.at(-1));

      await alice.v1.statuses.$select(post.id).remove();
      event = await next();
      assert.equal(event.event, "delete");
      assert.equal(event.payload, post.id);
    } finally {
      subscription.unsubscribe();
      streaming.close();
    }
  });

  await t.test("blocks", async () => {
    const bob = client(state.bob.token);
    assert.equal((await bob.v1.accounts.$select(state.alice.id).block()).blocking, true);
    assert.deepEqual((await bob.v1.blocks.list()).map((a) => a.id), [state.alice.id]);
    await assert.rejects(client(state.alice.token).v1.accounts.$select(state.bob.id).fetch(),
      (error) => error instanceof MastoHttpError && error.statusCode === 404);
    assert.equal((await bob.v1.accounts.$select(state.alice.id).unblock()).blocking, false);
  });

  await t.test("errors and rate-limit headers as Mastodon sends them", async () => {
    const response = await fetch(`${url}/api/v1/timelines/home`, {
      headers: { Authorization: `Bearer ${state.bob.token}` },
    });
    assert.equal(response.status, 200);
    assert.ok(Number(response.headers.get("x-ratelimit-limit")) > 0);
    assert.ok(Number(response.headers.get("x-ratelimit-remaining")) >= 0);
    assert.ok(!Number.isNaN(Date.parse(response.headers.get("x-ratelimit-reset"))));
    const denied = await fetch(`${url}/api/v1/notifications`);
    assert.equal(denied.status, 401);
    assert.deepEqual(await denied.json(), { error: "The access token is invalid" });
    await assert.rejects(client(state.bob.token).v1.statuses.create({ status: "" }),
      (error) => error instanceof MastoHttpError && error.statusCode === 422);
  });
});
