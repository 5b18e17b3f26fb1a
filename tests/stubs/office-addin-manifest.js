// Stub for office-addin-mock under jest: the real package reaches for the network and the file system.
module.exports = {};
