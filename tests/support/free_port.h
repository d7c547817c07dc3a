// Test support: a TCP port that is free on 127.0.0.1 right now (the kernel picks it), and a
// listening socket that holds one, for tests of code that binds or checks a port.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace anvil::testing {

// Listens on 127.0.0.1 on a port the kernel chooses while it lives.
class ListeningSocket {
 public:
  ListeningSocket() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(fd_, 1) != 0 || ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
      return;
    port_ = ntohs(addr.sin_port);
  }
  ~ListeningSocket() {
    if (fd_ >= 0) ::close(fd_);
  }
  ListeningSocket(const ListeningSocket&) = delete;
  ListeningSocket& operator=(const ListeningSocket&) = delete;
  int port() const { return port_; }  // 0 if the socket could not be set up

 private:
  int fd_ = -1;
  int port_ = 0;
};

// A port nobody listens on (free when this returns; another process could take it later).
inline int free_tcp_port() { return ListeningSocket().port(); }

}  // namespace anvil::testing
