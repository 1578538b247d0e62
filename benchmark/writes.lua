-- wrk script for the write benchmark (io.glimpse.benchmark.WriteBenchmark). Every request is a
-- write that changes state. Each wrk thread owns a share of the users and walks the pairs (its
-- user, any target) round robin; likes and follows alternate between POST and DELETE per pair.
-- A pair comes round again only after (users / threads) * targets requests, so the previous
-- request on it has long been answered.
-- Environment: USERS (file: "token username" a line), TARGETS (file: a post id or a username a
-- line), KIND (likes | follows | comments | posts), and optionally RATE with CONNECTIONS to pace
-- the connections to about RATE requests per second together.
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

function setup(thread)
  thread:set("id", created)
  created = created + 1
  table.insert(threads, thread)
  for _, t in ipairs(threads) do t:set("count", created) end
end

local mine, on, sent = {}, {}, 0

function init(args)
  for i = 1, #users do
    if (i - 1) % count == id then
      local token, name = users[i]:match("^(%S+)%s+(%S+)$")
      mine[#mine + 1] = { token = token, name = name }
    end
  end
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
    return wrk.format(toggle(user.name .. index), "/api/posts/" .. target .. "/likes", headers)
  elseif kind == "follows" then
    if target == user.name then return request() end
    return wrk.format(toggle(user.name .. index), "/api/users/" .. target .. "/follow", headers)
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

