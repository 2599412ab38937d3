// sagactl: the operator CLI. Wiring only: parse the command line, run the command.
#include <iostream>

#include "sagactl/cli/parse.hpp"
#include "sagactl/commands/context.hpp"

int main(int argc, char** argv) {
    using namespace saga::sagactl;
    const ParseResult parsed = ParseCommandLine(argc, argv, std::cout, std::cerr, Now());
    if (!parsed.invocation) return parsed.exit_code;
    return Run(*parsed.invocation, std::cout, std::cerr);
}
