#define BOOST_TEST_MODULE iopplan
#include <boost/test/unit_test.hpp>
