#include "e2e/chaos/process_state.hpp"

#include <fstream>
#include <string>

namespace saga::test::chaos {

bool HasExited(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line)) return true;
    // "pid (comm) S ...": the state follows the last ')' (comm may contain spaces and parentheses).
    const auto paren = line.rfind(')');
    return paren == std::string::npos || paren + 2 >= line.size() || line[paren + 2] == 'Z' || line[paren + 2] == 'X';
}

}  // namespace saga::test::chaos
