-- wrk script for the write benchmark (io.glimpse.benchmark.WriteBenchmark). Every request is a
-- write that changes state. Each wrk thread owns a share of the users and walks the pairs (its
-- user, any target) round robin; likes and follows alternate between POST and DELETE per pair.
-- A pair comes round again only after (users / threads) * targets requests, so the previous
-- request on it has long been answered. Which pairs are on (liked, followed) is carried from one
-- wrk run to the next in the file STATE: each run starts where the last one left the pairs, so
-- its first request on a pair changes it (a run that started from "all off" sent likes to pairs
-- already liked, which the server answers without storing anything). Requests still in flight
-- when a run stops may leave up to one pair a connection out of step.
-- Environment: USERS (file: "token username" a line), TARGETS (file: a post id or a username a
-- line), KIND (likes | follows | comments | posts), STATE (file, for likes and follows), and
-- optionally RATE with CONNECTIONS to pace the connections to about RATE requests per second
-- together.
local function lines(path)
  local t = {}
  for line in io.lines(path) do if #line > 0 then t[#t + 1] = line end end
  return t
end

local users = lines(os.getenv("USERS"))
local targets = lines(os.getenv("TARGETS"))
local kind = os.getenv("KIND")
local rate = tonumber(os.getenv("RATE") or "")
local connections = tonumber(os.getenv("CONNECTIONS") or "")
local threads, created = {}, 0

-- wrk runs each thread's init() right after its setup(), before the next thread exists, so the
-- thread count comes from the environment (counting threads in setup() gave the first thread
-- every user, and two threads toggled the same pairs out of step). With the "all off" start
-- above, a quarter of the requests were likes of liked pairs and unlikes of unliked ones.
function setup(thread)
  thread:set("id", created)
  thread:set("count", tonumber(os.getenv("THREADS")))
  created = created + 1
  table.insert(threads, thread)
end

local mine, sent = {}, 0
on = {} -- a global, so that done() can read each thread's through thread:get
local state = os.getenv("STATE")

function init(args)
  local names = {}
  for i = 1, #users do
    if (i - 1) % count == id then
      local token, name = users[i]:match("^(%S+)%s+(%S+)$")
      mine[#mine + 1] = { token = token, name = name }
      names[name] = true
    end
  end
  local saved = state and io.open(state)
  if saved then
    for key in saved:lines() do
      if names[key:match("^(%S+) ")] then on[key] = true end -- this thread's pairs only
    end
    saved:close()
  end
end

-- Runs once all threads have stopped; every pair belongs to one thread, so their "on" keys together are the state.
function done(summary, latency, requests)
  if not state then return end
  local out = assert(io.open(state, "w"))
  for _, thread in ipairs(threads) do
    for key, value in pairs(thread:get("on")) do
      if value then out:write(key, "\n") end
    end
  end
  out:close()
end

local function toggle(key)
  local method = on[key] and "DELETE" or "POST"
  on[key] = not on[key]
  return method
end

function request()
  local user = mine[(sent % #mine) + 1]
  local index = (math.floor(sent / #mine) % #targets) + 1
  local target = targets[index]
  sent = sent + 1
  local headers = { ["Authorization"] = "Bearer " .. user.token }
  if kind == "likes" then
    return wrk.format(toggle(user.name .. " " .. index), "/api/posts/" .. target .. "/likes", headers)
  elseif kind == "follows" then
    if target == user.name then return request() end
    return wrk.format(toggle(user.name .. " " .. index), "/api/users/" .. target .. "/follow", headers)
  end
  headers["Content-Type"] = "application/json"
  if kind == "comments" then
    return wrk.format("POST", "/api/posts/" .. target .. "/comments", headers,
      '{"text":"Benchmark comment ' .. sent .. '"}')
  end
  return wrk.format("POST", "/api/posts", headers, '{"caption":"Benchmark post ' .. sent .. ' #bench"}')
end

if rate then
  function delay() return 1000 * connections / rate end
end

