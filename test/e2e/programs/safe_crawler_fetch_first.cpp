// Looks like recursive_site_crawler, but safe: a crawl first downloads its
// page (a suspension) and only then records it and starts the crawls of its
// links, so no crawl spawns another before it has suspended.
// EXPECT: none
#include <eagerlint/runtime.hpp>

#include <chrono>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace rt = eagerlint::rt;
using namespace std::chrono_literals;

using site_map = std::map<std::string, std::vector<std::string>>;

class crawler {
public:
  explicit crawler(const site_map &site) : m_site(site) {}

  rt::task<> crawl(std::string page, int depth) {
    co_await rt::sleep(std::chrono::milliseconds(3 + page.size()));
    std::cout << std::string(2 * depth, ' ') << "visit " << page << "\n";
    std::vector<rt::task_handle<>> children;
    for (const std::string &link : m_site.at(page))
      if (m_seen.insert(link).second)
        children.push_back(rt::create_task(crawl(link, depth + 1)));
    for (auto &c : children)
      co_await c;
  }

  std::size_t pages() const { return m_seen.size(); }

private:
  const site_map &m_site;
  std::set<std::string> m_seen{"/"};
};

rt::task<> crawl_site(crawler &c) {
  co_await c.crawl("/", 0);
  std::cout << "crawled " << c.pages() << " pages\n";
}

int main() {
  const site_map site = {
      {"/", {"/docs", "/blog"}},
      {"/docs", {"/docs/install", "/docs/api", "/"}},
      {"/blog", {"/blog/2024", "/docs/api"}},
      {"/docs/install", {"/docs"}},
      {"/docs/api", {"/docs/api/task"}},
      {"/docs/api/task", {}},
      {"/blog/2024", {"/blog"}},
  };
  crawler c(site);
  rt::run(crawl_site(c));
}
